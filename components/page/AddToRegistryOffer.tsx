/** Shown on a page that is not in the registry: the way to add it with what was read from the page. */
export function AddToRegistryOffer({ pageName, onAdd }: { pageName: string | null; onAdd(): void }) {
  return (
    <section class="registry-offer" data-testid="registry-offer">
      <p>
        {pageName ? `«${pageName}» нет в реестре официальных страниц.` : 'Этой страницы нет в реестре официальных страниц.'} Публикации
        считаются только для страниц из реестра.
      </p>
      <button type="button" onClick={onAdd}>
        Добавить в реестр
      </button>
    </section>
  );
}
