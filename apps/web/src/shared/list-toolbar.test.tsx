import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { CollapsibleFilters } from './list-toolbar';

const phone = vi.hoisted(() => ({ value: false }));
vi.mock('./use-is-phone', () => ({ useIsPhone: () => phone.value }));

const filters = <select aria-label="支援方式"><option>驻点</option></select>;

describe('CollapsibleFilters', () => {
  afterEach(cleanup);

  it('shows the filters in line on a wide screen, with no 筛选 button', () => {
    phone.value = false;
    render(<CollapsibleFilters active={2}>{filters}</CollapsibleFilters>);
    expect(screen.getByLabelText('支援方式')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /筛选/ })).toBeNull();
  });

  it('on a phone hides them behind 筛选 with the count of those set, and opens and closes them', () => {
    phone.value = true;
    render(<CollapsibleFilters active={2}>{filters}</CollapsibleFilters>);
    expect(screen.queryByLabelText('支援方式')).toBeNull();
    expect(screen.getByText('2')).toBeTruthy();
    const button = screen.getByRole('button', { name: /筛选/ });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(screen.getByLabelText('支援方式')).toBeTruthy();
    expect(screen.getByRole('button', { name: /收起筛选/ }).getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: /收起筛选/ }));
    expect(screen.queryByLabelText('支援方式')).toBeNull();
  });
});
