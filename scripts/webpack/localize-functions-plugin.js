/**
 * Builds functions.en-US.json from the functions.json that custom-functions-metadata-plugin
 * generates out of the JSDoc in src/functions/functions.ts (Vietnamese, the default language).
 * English text comes from src/functions/metadata.en.json. The build fails when the two sources
 * disagree on function ids or parameter names, so they can never drift apart.
 */
const fs = require("fs");
const path = require("path");
const { sources, WebpackError, Compilation } = require("webpack");

function localizeFunctionsMetadata(metadata, english) {
  const problems = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(english)) {
    if (!ids.has(id)) problems.push(`metadata.en.json describes ${id}, which functions.ts does not define`);
  }
  const functions = metadata.functions.map((fn) => {
    const en = english[fn.id];
    if (!en) {
      problems.push(`metadata.en.json has no English text for ${fn.id}`);
      return fn;
    }
    const params = (fn.parameters || []).map((p) => {
      const text = en.parameters && en.parameters[p.name];
      if (!text) problems.push(`metadata.en.json has no English text for ${fn.id}(${p.name})`);
      return { ...p, description: text || p.description };
    });
    for (const name of Object.keys(en.parameters || {})) {
      if (!(fn.parameters || []).some((p) => p.name === name)) {
        problems.push(
          `metadata.en.json describes parameter ${fn.id}(${name}), which functions.ts does not have`,
        );
      }
    }
    const result = { ...fn, description: en.description, parameters: params };
    if (en.helpUrl) result.helpUrl = en.helpUrl;
    return result;
  });
  return { metadata: { ...metadata, functions }, problems };
}

class LocalizeFunctionsPlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    const name = "LocalizeFunctionsPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(this.options.input);
        if (!asset) return; // the metadata plugin already reported its own errors
        const englishFile = path.resolve(compiler.context, "src/functions/metadata.en.json");
        compilation.fileDependencies.add(englishFile);
        const english = JSON.parse(fs.readFileSync(englishFile, "utf8"));
        const { metadata, problems } = localizeFunctionsMetadata(
          JSON.parse(asset.source.source().toString()),
          english,
        );
        problems.forEach((p) => compilation.errors.push(new WebpackError(p)));
        compilation.emitAsset(this.options.output, new sources.RawSource(JSON.stringify(metadata, null, 2)));
      });
    });
  }
}

module.exports = { LocalizeFunctionsPlugin, localizeFunctionsMetadata };
