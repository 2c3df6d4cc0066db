/**
 * A report as committed under examples/expected/: everything but the version of vigie that wrote
 * it, which changes with every release without the law or the example changing.
 */
export function expectedReport(report) {
  const { vigieVersion: _version, ...rest } = JSON.parse(JSON.stringify(report));
  return rest;
}
