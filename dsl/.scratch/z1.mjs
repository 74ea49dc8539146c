import { z } from 'zod';
const S = z.strictObject({ a: z.int().min(1).nullish(), b: z.number().optional(), c: z.boolean().optional(), d: z.enum(['x','y']).optional(), e: z.array(z.string()).min(1).optional(), v: z.union([z.string(), z.number()]).transform(String).optional(), s: z.string().min(1).optional() });
const r = S.safeParse({ a: "5", b: "x", c: "true", d: "z", e: [], v: true, s: "", zz: 1, a2: 2 }, { reportInput: true });
console.log(JSON.stringify(r.error.issues, null, 1));
console.log(JSON.stringify(S.safeParse({a: 1.5}).error.issues));
console.log(JSON.stringify(z.toJSONSchema(S, { io: 'input' }), null, 1));
console.log(Object.keys(S.def), S.def.type, S.shape.a.def.type, S.shape.a.def.innerType.def.type);
