// Name search for people without their code: every keystroke queries the roster's
// prefix index (초성, jamo and Latin keys), never a scan of the whole roster.
import { useEffect, useState } from 'react';
import type { Ticket } from '../../core/model';
import { searchTickets } from '../storage/roster';
import { useKiosk, useBilingual } from './KioskContext';
import { CategoryBadge } from './CategoryBadge';
import { OnScreenKeyboard } from './OnScreenKeyboard';

interface Props {
  onPick(ticket: Ticket): void;
  onBack(): void;
}

export function SearchScreen({ onPick, onBack }: Props) {
  const { db } = useKiosk();
  const { ko, en } = useBilingual();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{ query: string; tickets: Ticket[] }>({ query: '', tickets: [] });

  useEffect(() => {
    let live = true;
    searchTickets(db, query, 12).then((tickets) => {
      if (live) setResults({ query, tickets });
    }, () => undefined);
    return () => {
      live = false;
    };
  }, [db, query]);

  const searched = query.trim().length > 0 && results.query === query;

  return (
    <div className="screen screen--search">
      <header className="topbar">
        <button type="button" className="btn btn--ghost" onClick={onBack}>← {ko('search.back')} · {en('search.back')}</button>
        <h1 className="topbar__title">{ko('search.title')} · {en('search.title')}</h1>
      </header>
      <div className="search__box">
        <input
          className="search__input"
          data-testid="search-input"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={ko('search.placeholder')}
          autoFocus
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <ul className="search__results" data-testid="search-results" data-query={results.query}>
        {results.tickets.map((t) => (
          <li key={t.code}>
            <button type="button" className="result" data-code={t.code} onClick={() => onPick(t)}>
              <span className="result__name">{t.name}</span>
              <span className="result__company">{t.company}</span>
              <CategoryBadge category={t.category} />
              <span className="result__action">{ko('search.checkIn')} · {en('search.checkIn')}</span>
            </button>
          </li>
        ))}
        {searched && results.tickets.length === 0 && <li className="search__none">{ko('search.none')} · {en('search.none')}</li>}
      </ul>
      <OnScreenKeyboard value={query} onChange={setQuery} />
    </div>
  );
}
