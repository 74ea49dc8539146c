/**
 * JSON Schema (draft 2020-12) documents for the three protocol messages, generated from the zod schemas.
 */
import { z } from 'zod';
import { ATPEventSchema } from './event.js';
import { PROTOCOL_VERSION } from './limits.js';
import { ATPRequestSchema } from './request.js';
import { ATPResponseSchema } from './response.js';

/** The `$schema` URI of every generated document. */
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** A generated JSON Schema document. */
export type ProtocolJsonSchema = Record<string, unknown>;

/** The JSON Schemas of the three protocol messages. */
export interface ProtocolJsonSchemas {
  request: ProtocolJsonSchema;
  response: ProtocolJsonSchema;
  event: ProtocolJsonSchema;
}

/** The event's `timestamp` field, whose default is computed at parse time. */
const timestampField = ATPEventSchema.shape.timestamp;

function generate(schema: z.ZodType, title: string): ProtocolJsonSchema {
  // `io: 'input'` describes what senders may write: defaulted fields are optional, unknown keys allowed.
  const generated = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const json = ctx.jsonSchema as Record<string, unknown>;
      // A time-of-generation default (the event timestamp's "now") would be misleading in a schema.
      if (ctx.zodSchema === timestampField) {
        delete json['default'];
        return;
      }
      // zod omits defaults around schemas with transforms (e.g. `"" -> null`); restore them.
      const def = ctx.zodSchema._zod.def as { type: string; defaultValue?: unknown };
      if (def.type === 'default' && !('default' in json)) {
        json['default'] = JSON.parse(JSON.stringify(def.defaultValue)) as unknown;
      }
    },
  }) as Record<string, unknown>;
  const { $schema: _dialect, ...rest } = generated;
  return { $schema: JSON_SCHEMA_DIALECT, title, ...rest };
}

/** Generate the JSON Schemas (draft 2020-12, input side) for ATPRequest, ATPResponse and ATPEvent. */
export function protocolJsonSchemas(): ProtocolJsonSchemas {
  return {
    request: generate(ATPRequestSchema, `ATPRequest (protocol v${PROTOCOL_VERSION})`),
    response: generate(ATPResponseSchema, `ATPResponse (protocol v${PROTOCOL_VERSION})`),
    event: generate(ATPEventSchema, `ATPEvent (protocol v${PROTOCOL_VERSION})`),
  };
}
