import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { usReview } from '../../test/fixtures';
import ReviewSelect from './ReviewSelect.svelte';

const REVIEWS = [usReview(), usReview({ id: 4, state_under_review: 'Chad', wg_session: 31 })];

function options(): string[] {
  return within(screen.getByTestId('review'))
    .getAllByRole('option')
    .map((o) => o.textContent);
}

describe('ReviewSelect', () => {
  it('offers all reviews, and says which one is chosen', async () => {
    const onchange = vi.fn();
    const props = { reviews: REVIEWS, testid: 'review', label: 'Show', allLabel: 'All reviews' };
    render(ReviewSelect, { ...props, value: null, onchange });
    expect(options()).toEqual(['All reviews', 'United States of America, WG 36', 'Chad, WG 31']);
    expect(screen.getByLabelText('Show')).toHaveValue('');
    await userEvent.setup().selectOptions(screen.getByTestId('review'), 'Chad, WG 31');
    expect(onchange).toHaveBeenLastCalledWith(4);
  });

  it('asks for a review until one is chosen, and then offers only reviews', () => {
    const props = { reviews: REVIEWS, testid: 'review', onchange: vi.fn() };
    const view = render(ReviewSelect, { ...props, value: null, placeholder: 'Choose a review…' });
    expect(screen.getByRole('option', { name: 'Choose a review…' })).toBeDisabled();
    view.unmount();
    render(ReviewSelect, { ...props, value: 3 });
    expect(options()).toEqual(['United States of America, WG 36', 'Chad, WG 31']);
    expect(screen.getByTestId('review')).toHaveValue('3');
  });
});
