import { onlyVersion } from '../../src/main.js';

describe('onlyVersion (ssj --version answered before anything else loads, issue 20)', () => {
  it('takes --version / -V with global options only', () => {
    for (const argv of [['--version'], ['-V'], ['--version', '--lang', 'zh'], ['--lang=en', '-V'], ['--json', '--version', '--workspace', 'x y']]) expect(onlyVersion(argv)).toBe(true);
  });
  it('leaves a command, an unknown option or no --version to commander', () => {
    for (const argv of [[], ['draw', '--version'], ['--version', 'draw'], ['--version', '--bogus'], ['--lang', 'zh'], ['--lang', '--version']]) expect(onlyVersion(argv)).toBe(false);
  });
});
