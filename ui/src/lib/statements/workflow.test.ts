import { describe, expect, it } from 'vitest';
import { canMove, moveLabel, nextSteps, statusLabel } from './workflow';

describe('workflow', () => {
  it('moves one step forward, and back to any earlier stage up to registered', () => {
    expect(nextSteps('idea')).toEqual(['drafting']);
    expect(nextSteps('drafting')).toEqual(['final', 'idea']);
    expect(nextSteps('final')).toEqual(['registered', 'drafting', 'idea']);
    expect(nextSteps('registered')).toEqual([
      'delivered',
      'not_called',
      'final',
      'drafting',
      'idea',
    ]);
    expect(nextSteps('delivered')).toEqual(['registered', 'final', 'drafting', 'idea']);
    expect(nextSteps('not_called')).toEqual(['registered', 'final', 'drafting', 'idea']);
    expect(canMove('idea', 'final')).toBe(false);
    expect(canMove('delivered', 'not_called')).toBe(false);
    expect(canMove('final', 'final')).toBe(false);
  });

  it('says the steps in plain words for each kind', () => {
    expect(moveLabel('drafting', 'final', 'oral')).toBe('Mark final');
    expect(moveLabel('final', 'registered', 'oral')).toBe('Registered on the speakers list');
    expect(moveLabel('final', 'registered', 'written')).toBe('Submitted');
    expect(moveLabel('registered', 'delivered', 'oral')).toBe('Delivered');
    expect(moveLabel('registered', 'not_called', 'oral')).toBe('Not called');
    expect(moveLabel('registered', 'delivered', 'written')).toBe('Published');
    expect(moveLabel('final', 'drafting', 'oral')).toBe('Back to drafting');
    expect(moveLabel('delivered', 'registered', 'oral')).toBe('Back to registered');
    expect(moveLabel('idea', 'drafting', 'oral')).toBe('Start drafting');
    expect(statusLabel('registered', 'written')).toBe('Submitted');
    expect(statusLabel('not_called', 'oral')).toBe('Not called');
  });
});
