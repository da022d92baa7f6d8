import { signal } from '@preact/signals-core';
import { render as preactRender } from 'preact';
import { act, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { useValue } from '@/components/shared/useValue';

function Count({ of }: { of: ReturnType<typeof signal<number>> }) {
  return <p>{useValue(of)}</p>;
}

describe('useValue (the in-page panel’s window on signals)', () => {
  it('re-renders when the signal changes', async () => {
    const n = signal(1);
    render(<Count of={n} />);
    expect(screen.getByText('1')).toBeTruthy();
    await act(() => {
      n.value = 2;
    });
    expect(screen.getByText('2')).toBeTruthy();
  });

  it('catches a change made between the render and the subscription', async () => {
    const n = signal(1);
    const box = document.createElement('div');
    // Plain Preact, as on the page: effects run after the browser paints, so this change lands
    // before the component has subscribed.
    preactRender(<Count of={n} />, box);
    n.value = 5;
    await new Promise((r) => setTimeout(r, 50));
    expect(box.textContent).toBe('5');
    preactRender(null, box);
  });
});
