import { describe, expect, it } from 'vitest';
import { folderOf, progressWords, sizeLabel } from './format';

describe('export numbers in words', () => {
  it('says a file’s size in KB or MB', () => {
    expect(sizeLabel(0)).toBe('1 KB');
    expect(sizeLabel(48_300)).toBe('47 KB');
    expect(sizeLabel(999 * 1024)).toBe('999 KB');
    expect(sizeLabel(1000 * 1024)).toBe('1.0 MB');
    expect(sizeLabel(2_500_000)).toBe('2.4 MB');
  });

  it('finds the folder of a path on any system', () => {
    expect(folderOf('/home/ana/Documents/Briefing.docx')).toBe('/home/ana/Documents');
    expect(folderOf('C:\\Users\\Ana\\Documents\\Briefing.docx')).toBe('C:\\Users\\Ana\\Documents');
    expect(folderOf('C:\\Briefing.docx')).toBe('C:\\');
    expect(folderOf('/Briefing.docx')).toBe('/');
    expect(folderOf('Briefing.docx')).toBe('');
  });

  it('says the step, with its count when it has one', () => {
    expect(progressWords({ step: 'Laying out the PDF', done: 0, total: 0 })).toBe(
      'Laying out the PDF',
    );
    expect(progressWords({ step: 'Writing the rows', done: 1200, total: 3470 })).toBe(
      'Writing the rows: 1,200 of 3,470',
    );
  });
});
