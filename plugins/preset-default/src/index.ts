import { definePlugin, type Plugin } from '@atp/kernel';
import dsl from '@atp/dsl';
import adapterHttp from '@atp/adapter-http';
import adapterCli from '@atp/adapter-cli';
import evaluatorArtifact from '@atp/evaluator-artifact';
import evaluatorBehavior from '@atp/evaluator-behavior';
import evaluatorComposite from '@atp/evaluator-composite';
import reporterConsole from '@atp/reporter-console';
import reporterJson from '@atp/reporter-json';
import reporterJunit from '@atp/reporter-junit';
import reporterHtml from '@atp/reporter-html';
import reporterMarkdown from '@atp/reporter-markdown';

/** The plugins a new user gets without any config: the YAML compiler, http/cli adapters, core evaluators and reporters. */
const preset: Plugin = definePlugin({
  name: '@atp/preset-default',
  apiVersion: 1,
  version: '0.1.0',
  description: 'YAML suites, http and cli adapters, artifact/behavior/composite evaluators, console/json/junit/html/markdown reporters',
  plugins: [dsl, adapterHttp, adapterCli, evaluatorArtifact, evaluatorBehavior, evaluatorComposite, reporterConsole, reporterJson, reporterJunit, reporterHtml, reporterMarkdown],
});

export default preset;
