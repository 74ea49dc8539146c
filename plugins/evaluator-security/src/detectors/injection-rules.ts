/** Prompt-injection and jailbreak phrases in an agent's output (text it may pass on to another model). */
import type { Rule } from '../rule.js';
import type { Severity } from '../config-schema.js';

const STRIP = 'Treat the text as untrusted data: strip or quote instruction-like content before passing it to a model, and keep system prompts separate from user content.';
const SYSTEM_PROMPT = 'Do not reveal or request system prompts; refuse extraction attempts and keep hidden instructions out of outputs.';
const JAILBREAK = 'Refuse jailbreak framings; check outputs with a moderation or policy filter before using them.';
const ROLE = 'Keep the assistant’s role fixed by the system prompt; ignore role or authority claims made inside content.';

function rule(type: string, group: 'injection' | 'jailbreak' | 'role_manipulation', severity: Severity, title: string, pattern: RegExp, remediation: string): Rule {
  return { type, category: 'prompt_injection', group, severity, title, pattern, remediation };
}

const AI_RULES = '(?:ethical|moral|content|safety|OpenAI|Anthropic|AI)\\s+(?:restrictions|limitations|filters|censorship|guidelines|guardrails|polic(?:y|ies)|rules)';
const ROLE_NOUN = '(?:AI|assistant|chatbot|model|persona|character|admin(?:istrator)?|root|superuser|developer|hacker|DAN)';
const BAD_ADJ_WORDS = 'unrestricted|unfiltered|uncensored|evil|rogue|jailbroken|malicious';
const BAD_ADJ = `(?:${BAD_ADJ_WORDS})`;

/** The prompt-injection rules (category `prompt_injection`). */
export const INJECTION_RULES: readonly Rule[] = [
  rule(
    'ignore_instructions',
    'injection',
    'high',
    'instruction to ignore previous instructions',
    /\b(?:ignore|disregard|forget|override|bypass)\s+(?:(?:all|any|every|the|your|my|of|these|those)\s+)*(?:previous|prior|above|earlier|preceding|original|former|system|initial)\s+(?:instructions?|prompts?|rules|directions|directives|guidelines|commands|context|messages?)\b/dgi,
    STRIP,
  ),
  rule('new_instructions', 'injection', 'high', 'injected replacement instructions', /\b(?:new|updated|revised|real|actual|secret|hidden)\s+instructions?\s*:|\bfrom now on,?\s+(?:you|your)\s+(?:will|must|are|should|only|shall)\b/dgi, STRIP),
  rule(
    'delimiter_injection',
    'injection',
    'high',
    'chat-template or prompt delimiter',
    /<\|(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id)\|>|\[\/?INST\]|<<\/?SYS>>|<\/?(?:system|system_prompt|instructions)>|^[ \t]*#{2,}[ \t]*(?:system|new instructions?)\b|^[ \t]*(?:system|assistant)[ \t]*:[ \t]*(?:you are|ignore|disregard|new instructions)|\b(?:END|BEGIN) OF (?:SYSTEM |USER )?(?:PROMPT|INPUT|INSTRUCTIONS)\b/dgim,
    STRIP,
  ),
  rule(
    'system_prompt_extraction',
    'injection',
    'medium',
    'system prompt extraction attempt',
    /\b(?:reveal|show|print|repeat|output|display|leak|dump|tell me|give me|what (?:is|are))\s+(?:me\s+)?(?:your|the)\s+(?:(?:full|entire|complete|original|hidden|initial|secret|exact)\s+)*(?:system\s+prompt|system\s+message|initial\s+prompt|hidden\s+prompt|prompt\s+above|instructions\s+(?:you\s+were\s+given|above))|\brepeat\s+(?:the\s+)?(?:words|text)\s+above\b/dgi,
    SYSTEM_PROMPT,
  ),
  rule(
    'code_injection',
    'injection',
    'medium',
    'script or SQL injection payload',
    /<script\b[^>]*>|\bjavascript:\s*[\w(]|\bon(?:error|load)\s*=\s*["']|;\s*DROP\s+TABLE\b|'\s*OR\s+'1'\s*=\s*'1|\bUNION\s+(?:ALL\s+)?SELECT\b/dgi,
    'Escape or sanitise the content for its destination (HTML, SQL) and never pass it to an interpreter unescaped.',
  ),
  rule('dan_jailbreak', 'jailbreak', 'high', 'DAN-style jailbreak', /\bdo anything now\b|\byou are (?:now )?DAN\b|\bDAN\s+mode\b/dgi, JAILBREAK),
  rule('jailbreak_mode', 'jailbreak', 'high', 'jailbreak mode switch', /\b(?:jailbreak|god|unrestricted|unfiltered|uncensored|evil|STAN|DUDE)\s+mode\b/dgi, JAILBREAK),
  rule('no_restrictions', 'jailbreak', 'medium', 'request to drop safety rules', new RegExp(`\\b(?:without|free (?:of|from)|no longer bound by|no|bypass(?:ing)?|ignor(?:e|ing))\\s+(?:(?:any|all|your|the)\\s+)?${AI_RULES}\\b`, 'dgi'), JAILBREAK),
  rule(
    'role_override',
    'role_manipulation',
    'medium',
    'role reassignment',
    new RegExp(`\\byou are no longer\\s+(?:an?\\s+)?(?:AI|assistant|bound|restricted|ChatGPT|Claude|limited)\\b|\\byou are now\\s+(?:an?\\s+|the\\s+|my\\s+)?(?:(?:${BAD_ADJ_WORDS}|new|different)\\s+)?${ROLE_NOUN}\\b`, 'dgi'),
    ROLE,
  ),
  rule('act_as_unrestricted', 'role_manipulation', 'high', 'request to act as an unrestricted model', new RegExp(`\\b(?:act|behave|respond|roleplay)\\s+as\\s+(?:if\\s+you\\s+(?:are|were)\\s+)?(?:an?\\s+)?${BAD_ADJ}\\b`, 'dgi'), ROLE),
  rule(
    'pretend_role',
    'role_manipulation',
    'medium',
    'request to pretend to be another system',
    /\bpretend\s+(?:to\s+be|that\s+you\s+are|you\s+are|you're)\s+(?:an?\s+)?(?:(?:unrestricted|unfiltered|uncensored|evil|different|another)\s+)?(?:AI|assistant|model|chatbot|system|admin(?:istrator)?|developer|human)\b/dgi,
    ROLE,
  ),
  rule(
    'authority_claim',
    'role_manipulation',
    'medium',
    'false authority claim',
    /\bI\s+am\s+your\s+(?:developer|creator|admin(?:istrator)?|owner|operator|programmer)\b|\b(?:admin|administrator|developer|sudo|root)\s+(?:override|access granted|privileges? granted)\b/dgi,
    ROLE,
  ),
  rule('mode_switch', 'role_manipulation', 'high', 'privileged mode switch', /\b(?:switch|change|enter)\s+(?:to|into)\s+(?:admin|developer|god|root|unrestricted|sudo)\s+mode\b/dgi, ROLE),
];
