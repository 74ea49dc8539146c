import { definePlugin, type Plugin } from '@atp/kernel';
import dsl from '@atp/dsl';
import adapterHttp from '@atp/adapter-http';
import adapterCli from '@atp/adapter-cli';
import adapterMcp from '@atp/adapter-mcp';
import adapterOpenai from '@atp/adapter-openai';
import adapterAnthropic from '@atp/adapter-anthropic';
import evaluatorArtifact from '@atp/evaluator-artifact';
import evaluatorBehavior from '@atp/evaluator-behavior';
import evaluatorComposite from '@atp/evaluator-composite';
import evaluatorSecurity from '@atp/evaluator-security';
import evaluatorFactuality from '@atp/evaluator-factuality';
import evaluatorStyle from '@atp/evaluator-style';
import evaluatorPerformance from '@atp/evaluator-performance';
import evaluatorFilesystem from '@atp/evaluator-filesystem';
import evaluatorCodeExec from '@atp/evaluator-code-exec';
import reporterConsole from '@atp/reporter-console';
import reporterJson from '@atp/reporter-json';
import reporterJunit from '@atp/reporter-junit';
import reporterHtml from '@atp/reporter-html';
import reporterMarkdown from '@atp/reporter-markdown';
import commandBaseline from '@atp/command-baseline';

/**
 * The plugins a new user gets without any config. Every plugin here only registers names, descriptions and
 * config schemas at start-up; implementations load when a suite or command uses them.
 */
const preset: Plugin = definePlugin({
  name: '@atp/preset-default',
  apiVersion: 1,
  version: '0.1.0',
  description: 'YAML suites; http, cli, mcp, openai and anthropic adapters; core, quality, workspace and code evaluators; all reporters; baseline and trend commands',
  plugins: [
    dsl,
    adapterHttp,
    adapterCli,
    adapterMcp,
    adapterOpenai,
    adapterAnthropic,
    evaluatorArtifact,
    evaluatorBehavior,
    evaluatorComposite,
    evaluatorSecurity,
    evaluatorFactuality,
    evaluatorStyle,
    evaluatorPerformance,
    evaluatorFilesystem,
    evaluatorCodeExec,
    reporterConsole,
    reporterJson,
    reporterJunit,
    reporterHtml,
    reporterMarkdown,
    commandBaseline,
  ],
});

export default preset;
