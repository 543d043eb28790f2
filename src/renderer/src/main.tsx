// The renderer's entry: connect to the library, then show the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ClientProvider } from './hooks/client';
import { NoticeProvider } from './hooks/notices';
import { connect } from './transport';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/library.css';
import './styles/reader.css';
import './styles/dialog.css';

const client = connect();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ClientProvider client={client}>
      <NoticeProvider>
        <App />
      </NoticeProvider>
    </ClientProvider>
  </StrictMode>,
);
