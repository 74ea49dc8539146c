/** Dangerous code patterns for Python, JavaScript/TypeScript and shell scripts. */
import type { CodeCategory, CodeLanguage, Severity } from '../config-schema.js';
import type { Rule } from '../rule.js';

function rule(type: string, group: CodeCategory, severity: Severity, languages: readonly CodeLanguage[], title: string, pattern: RegExp, remediation: string): Rule {
  return { type, category: 'code_safety', group, severity, languages, title, pattern, remediation };
}

const PY: readonly CodeLanguage[] = ['python'];
const JS: readonly CodeLanguage[] = ['javascript'];
const SH: readonly CodeLanguage[] = ['bash'];
const PY_JS: readonly CodeLanguage[] = ['python', 'javascript'];

/** A raw (numeric) IPv4 address other than loopback. */
const RAW_IP = '(?!127\\.)(?:\\d{1,3}\\.){3}\\d{1,3}';

const FIX = {
  eval: 'Do not evaluate dynamic strings as code; parse the data (JSON, ast.literal_eval) or dispatch to known functions.',
  shell: 'Run programs with an argument list and no shell (subprocess.run([...]), execFile), validate every argument, and avoid interpolating input into commands.',
  deserialize: 'Do not deserialize untrusted data with pickle/marshal/yaml.load; use JSON or yaml.safe_load.',
  remove: 'Guard destructive file operations: resolve and check the target path, never delete outside a known directory, prefer a dry run.',
  write: 'Write only inside a dedicated output directory and validate file paths.',
  network: 'Use configured hostnames over HTTPS instead of raw IP addresses, and allow-list outbound destinations.',
  socket: 'Avoid raw sockets in generated code; use a vetted client library with TLS and an allow-listed destination.',
  html: 'Do not inject untrusted HTML; use textContent or a sanitiser.',
  download: 'Do not pipe downloads into a shell; download, verify a checksum or signature, then run.',
  perms: 'Grant the least permissions needed (e.g. 640/750), not world-writable.',
  reverse: 'This is a reverse-shell pattern: never run it; treat the output as malicious.',
};

/** The dangerous-code rules (category `code_safety`). */
export const CODE_RULES: readonly Rule[] = [
  // Python and JavaScript
  rule('eval_exec', 'dangerous_function', 'high', PY_JS, 'eval/exec of dynamic code', /(?<![\w.$])(?:eval|exec)\s*\(/dg, FIX.eval),
  rule(
    'raw_ip_request',
    'network_operation',
    'high',
    PY_JS,
    'HTTP request to a raw IP address',
    new RegExp(`\\b(?:requests\\.(?:get|post|put|delete|patch|head|request)|urllib\\.request\\.urlopen|urlopen|httpx\\.(?:get|post|put|delete|patch)|fetch|axios(?:\\.(?:get|post|put|delete|patch))?)\\s*\\(\\s*["'\`](?:https?|wss?|ftp)://${RAW_IP}`, 'dg'),
    FIX.network,
  ),
  // Python
  rule('os_system', 'dangerous_function', 'high', PY, 'shell command via os.system/os.popen', /\bos\.(?:system|popen|exec[lv]p?e?)\s*\(/dg, FIX.shell),
  rule('subprocess_shell', 'dangerous_function', 'critical', PY, 'subprocess with shell=True', /\bsubprocess\.(?:run|call|Popen|check_output|check_call)\s*\([^)]*?\bshell\s*=\s*True\b/dg, FIX.shell),
  rule('subprocess_call', 'dangerous_function', 'medium', PY, 'subprocess call', /\bsubprocess\.(?:run|call|Popen|check_output|check_call|getoutput|getstatusoutput)\s*\(/dg, FIX.shell),
  rule('unsafe_deserialization', 'dangerous_function', 'high', PY, 'unsafe deserialization', /\b(?:pickle|cPickle|_pickle|dill|marshal|shelve|joblib)\.loads?\s*\(/dg, FIX.deserialize),
  rule('yaml_unsafe_load', 'dangerous_function', 'medium', PY, 'yaml.load without a safe loader', /\byaml\.(?:load|load_all|unsafe_load)\s*\((?![^)]*Loader\s*=\s*(?:yaml\.)?(?:Safe|Base)Loader)/dg, FIX.deserialize),
  rule('dynamic_import', 'dangerous_function', 'medium', PY, '__import__ of a dynamic module', /\b__import__\s*\(/dg, FIX.eval),
  rule('shell_module_import', 'dangerous_import', 'medium', PY, 'import of a process-spawning module', /^[ \t]*(?:import|from)[ \t]+(?:subprocess|pty|commands)\b/dgm, FIX.shell),
  rule('unsafe_module_import', 'dangerous_import', 'low', PY, 'import of an unsafe module', /^[ \t]*(?:import|from)[ \t]+(?:pickle|cPickle|marshal|ctypes|shelve|dill)\b/dgm, FIX.deserialize),
  rule('recursive_delete', 'file_operation', 'high', PY, 'recursive directory deletion', /\bshutil\.rmtree\s*\(/dg, FIX.remove),
  rule('file_delete', 'file_operation', 'medium', PY, 'file deletion', /\bos\.(?:remove|unlink|rmdir|removedirs)\s*\(/dg, FIX.remove),
  rule('file_write', 'file_operation', 'low', PY, 'file opened for writing', /\bopen\s*\([^)]*?,\s*(?:mode\s*=\s*)?["'][wax][bt+]*["']/dg, FIX.write),
  rule('raw_socket', 'network_operation', 'medium', PY, 'raw network socket', /\bsocket\.socket\s*\(/dg, FIX.socket),
  // JavaScript / TypeScript
  rule('function_constructor', 'dangerous_function', 'high', JS, 'Function constructor', /\bnew\s+Function\s*\(/dg, FIX.eval),
  rule('child_process_shell', 'dangerous_function', 'critical', JS, 'child process with shell: true', /\b(?:spawn|spawnSync|execFile|execFileSync)\s*\([^)]*?\bshell\s*:\s*true\b/dg, FIX.shell),
  rule('child_process_exec', 'dangerous_function', 'high', JS, 'shell command via child_process.exec', /\b(?:child_process|cp|childProcess)\.(?:exec|execSync)\s*\(|\brequire\s*\(\s*["'](?:node:)?child_process["']\s*\)\.(?:exec|execSync)\s*\(|(?<![\w.$])(?:exec|execSync)\s*\(\s*[`'"]/dg, FIX.shell),
  rule('child_process_import', 'dangerous_import', 'medium', JS, 'child_process import', /\brequire\s*\(\s*["'](?:node:)?child_process["']\s*\)|\bfrom\s+["'](?:node:)?child_process["']|\bimport\s*\(\s*["'](?:node:)?child_process["']\s*\)/dg, FIX.shell),
  rule('vm_eval', 'dangerous_function', 'medium', JS, 'code evaluation through the vm module', /\bvm\.(?:runInNewContext|runInThisContext|runInContext|compileFunction)\s*\(|\bnew\s+vm\.Script\s*\(/dg, FIX.eval),
  rule('string_timer', 'dangerous_function', 'medium', JS, 'setTimeout/setInterval with a code string', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/dg, FIX.eval),
  rule('html_injection', 'dangerous_function', 'medium', JS, 'raw HTML injection', /\.(?:innerHTML|outerHTML)\s*\+?=(?!=)|\bdocument\.write\s*\(|\bdangerouslySetInnerHTML\b/dg, FIX.html),
  rule('recursive_delete', 'file_operation', 'high', JS, 'recursive directory deletion', /\bfs(?:\.promises)?\.(?:rm|rmSync|rmdir|rmdirSync)\s*\([^)]*?\brecursive\s*:\s*true\b/dg, FIX.remove),
  rule('file_delete', 'file_operation', 'medium', JS, 'file deletion', /\bfs(?:\.promises)?\.(?:unlink|unlinkSync|rm|rmSync|rmdir|rmdirSync)\s*\(/dg, FIX.remove),
  rule('file_write', 'file_operation', 'low', JS, 'file write', /\bfs(?:\.promises)?\.(?:writeFile|writeFileSync|appendFile|appendFileSync)\s*\(/dg, FIX.write),
  rule('raw_socket', 'network_operation', 'medium', JS, 'raw network socket', /\bnet\.(?:connect|createConnection)\s*\(|\bnew\s+net\.Socket\s*\(|\bdgram\.createSocket\s*\(/dg, FIX.socket),
  rule('raw_ip_websocket', 'network_operation', 'high', JS, 'WebSocket to a raw IP address', new RegExp(`\\bnew\\s+WebSocket\\s*\\(\\s*["'\`]wss?://${RAW_IP}`, 'dg'), FIX.network),
  // Shell
  rule(
    'rm_rf_root',
    'file_operation',
    'critical',
    SH,
    'recursive forced deletion of /, ~ or *',
    /\brm\s+(?:-[a-zA-Z]*[rR][a-zA-Z]*f[a-zA-Z]*|-[a-zA-Z]*f[a-zA-Z]*[rR][a-zA-Z]*|-[rR]\s+-f|-f\s+-[rR]|--recursive\s+--force|--force\s+--recursive)\s+(?:--no-preserve-root\s+)?["']?(?:\/\*?|~\/?\*?|\$HOME\/?\*?|\$\{HOME\}\/?\*?|\*|\.\/?\*)["']?(?=\s|$|[;&|])/dgm,
    FIX.remove,
  ),
  rule('rm_rf', 'file_operation', 'high', SH, 'recursive forced deletion', /\brm\s+(?:-[a-zA-Z]*[rR][a-zA-Z]*f[a-zA-Z]*|-[a-zA-Z]*f[a-zA-Z]*[rR][a-zA-Z]*|-[rR]\s+-f|-f\s+-[rR]|--recursive\s+--force|--force\s+--recursive)\s+\S/dg, FIX.remove),
  rule('disk_wipe', 'file_operation', 'critical', SH, 'disk format or raw disk write', /\bmkfs(?:\.\w+)?\s+\/dev\/|\bdd\s+[^\n]*\bof=\/dev\/(?:sd|hd|nvme|xvd|vd|disk|mmcblk)|>\s*\/dev\/(?:sd|hd|nvme)[a-z0-9]*\b/dg, FIX.remove),
  rule('fork_bomb', 'dangerous_function', 'critical', SH, 'fork bomb', /:\s*\(\s*\)\s*\{\s*:\s*\|\s*:\s*&\s*\}\s*;\s*:/dg, FIX.reverse),
  rule('world_writable', 'file_operation', 'medium', SH, 'world-writable permissions', /\bchmod\s+(?:-R\s+)?(?:0?777|a\+rwx)(?=\s)/dg, FIX.perms),
  rule('pipe_to_shell', 'dangerous_function', 'high', SH, 'download piped into a shell', /\b(?:curl|wget)\b[^\n|;]*\|\s*(?:sudo\s+)?(?:ba|z|k|da)?sh\b/dg, FIX.download),
  rule('shell_eval', 'dangerous_function', 'medium', SH, 'eval of a shell string', /(?<![\w.$-])eval\s+["'$`]/dg, FIX.eval),
  rule('reverse_shell', 'network_operation', 'critical', SH, 'reverse shell', /\/dev\/tcp\/[\w.-]+\/\d+|\bnc(?:at)?\s+(?:-\w+\s+)*-e\s|\bbash\s+-i\s+>&/dg, FIX.reverse),
  rule('raw_ip_download', 'network_operation', 'high', SH, 'download from a raw IP address', new RegExp(`\\b(?:curl|wget)\\b[^\\n|;&]*?[\\s"'](?:https?://)?${RAW_IP}\\b`, 'dg'), FIX.network),
];
