// Where errors and confirmations appear: errors are announced assertively and stay until closed.
import { useNoticeList, useNotices } from '../hooks/notices';

export function Notices() {
  const notices = useNoticeList();
  const { dismiss } = useNotices();
  const errors = notices.filter((notice) => notice.tone === 'error');
  const infos = notices.filter((notice) => notice.tone === 'info');
  const render = (list: typeof notices) =>
    list.map((notice) => (
      <div key={notice.id} className={`notice ${notice.tone}`}>
        <p>{notice.message}</p>
        <div className="notice-actions">
          {notice.actions.map((action) => (
            <button
              key={action.label}
              type="button"
              className="button small"
              onClick={() => {
                dismiss(notice.id);
                action.run();
              }}
            >
              {action.label}
            </button>
          ))}
          <button type="button" className="button small quiet" onClick={() => dismiss(notice.id)} aria-label="Dismiss message" title="Dismiss">
            ×
          </button>
        </div>
      </div>
    ));
  return (
    <div className="notices">
      <div role="alert" className="notice-stack">
        {render(errors)}
      </div>
      <div role="status" className="notice-stack">
        {render(infos)}
      </div>
    </div>
  );
}
