export { logGamma, incompleteBeta, studentTCdf, studentTTwoSidedP, studentTQuantile, normalCdf } from './student-t.js';
export { mean, sampleStd, median, confidenceInterval, describe, passAtK, passHatK } from './descriptive.js';
