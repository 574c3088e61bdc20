/** GitHub's extras beyond Markdown (mentions, references, autolinks, math) are neutralised in user text. */
import { describe, expect, it } from 'vitest';
import { mdNeutralizeReferences } from '@cxspec/model';

describe('mdNeutralizeReferences', () => {
    it('breaks mentions, issue references, bare links, e-mail links and math delimiters', () => {
        expect(mdNeutralizeReferences('@octocat see #12, owner/repo#3, GH-4, https://x.io, HTTP://y.io, www.z.com, a@b.com, $x^2$'))
            .toBe('@&#8203;octocat see #&#8203;12, owner/repo#&#8203;3, GH&#8203;-4, https&#8203;://x.io, HTTP&#8203;://y.io, www&#8203;.z.com, a@&#8203;b.com, \\$x^2\\$');
    });

    it('scans once, so an inserted entity is not read as a reference, and leaves plain text alone', () => {
        expect(mdNeutralizeReferences('@1')).toBe('@&#8203;1');
        expect(mdNeutralizeReferences('&amp;#64; C# 50 % @ 10:00 www')).toBe('&amp;#&#8203;64; C# 50 % @ 10:00 www');
        expect(mdNeutralizeReferences('受け取り 満足度')).toBe('受け取り 満足度');
    });
});
