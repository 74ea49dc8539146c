/** Files for tests: write a tree of text files, make temp directories and remove them afterwards. */
export { writeFiles } from './write-files.js';
export { tempDir, removeTempDirs, type TempDirOptions } from './temp-dir.js';
