import { describe, expect, it } from 'vitest';

import type { Report } from '../../src/api/reports';
import { draftOf, emptyDraft, figuresOf, sameDraft } from '../../src/reports/draft';

describe('a report typed in 万元', () => {
  it('becomes the API figures in yuan, with a blank note as none', () => {
    const checked = figuresOf({
      investment_completed: '3000.5',
      capital_arrived: '2000',
      progress_text: '  主体结构施工 ',
      percent_complete: 40,
      jobs: 120,
      confirmation_note: '  ',
    });
    expect(checked).toEqual({
      ok: true,
      figures: { investment_completed: '30005000', capital_arrived: '20000000', progress_text: '主体结构施工', percent_complete: 40, jobs: 120, confirmation_note: null },
    });
  });

  it('names every field the browser can already tell is wrong', () => {
    const checked = figuresOf({ ...emptyDraft(), investment_completed: '12abc', capital_arrived: '0.00000001' });
    expect(checked).toEqual({
      ok: false,
      problems: { investment_completed: 'malformed', capital_arrived: 'tooPrecise', percent_complete: 'required', jobs: 'required', progress_text: 'required' },
    });
  });

  it('reads a saved report back for editing, and sees no change in it', () => {
    const report = {
      investment_completed: '5180000',
      capital_arrived: '5490000.5',
      progress_text: '开展初步设计',
      percent_complete: 0,
      jobs: 15,
      confirmation_note: null,
    } as unknown as Report;
    const draft = draftOf(report);
    expect(draft).toEqual({ investment_completed: '518', capital_arrived: '549.00005', progress_text: '开展初步设计', percent_complete: 0, jobs: 15, confirmation_note: '' });
    expect(sameDraft(draft, draftOf(report))).toBe(true);
    expect(sameDraft(draft, { ...draft, jobs: 16 })).toBe(false);
  });
});
