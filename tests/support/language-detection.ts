/**
 * Tests build entity matchers and enrich documents directly, without the archive's matcher(),
 * which is what loads the language model in the program (enrich/language.ts): load it here.
 */
import { loadLanguageDetection } from "../../src/enrich/language.js";

await loadLanguageDetection();
