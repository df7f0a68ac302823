import { Link } from 'react-router';

/** An unknown address, or a page the user's roles do not open. */
export function NotFoundPage({ forbidden = false }: { forbidden?: boolean }) {
  return (
    <section data-testid={forbidden ? 'forbidden-page' : 'not-found-page'}>
      <h1>{forbidden ? 'Not for your roles' : 'Nothing here'}</h1>
      <p>
        {forbidden
          ? 'Your roles do not allow this page. Ask an administrator of your tenant if you need it.'
          : 'This address does not lead to a page of the console.'}
      </p>
      <p>
        <Link to="/">Back to the start</Link>
      </p>
    </section>
  );
}
