import { useLabel } from '~/utils/use-label';

const TONES: Record<string, 'ok' | 'warn' | 'danger' | undefined> = {
  accepted: 'ok',
  published: 'ok',
  approved: 'ok',
  scheduled: 'ok',
  granted: 'ok',
  changes_requested: 'warn',
  submitted: 'warn',
  in_review: 'warn',
  requested: 'warn',
  declined: 'danger',
  cancelled: 'danger',
  denied: 'danger',
};

export function StatusBadge({
  kind,
  status,
}: {
  kind: 'knowledge' | 'piece' | 'match' | 'exemption';
  status: string;
}) {
  const label = useLabel();
  return (
    <span className="badge" data-tone={TONES[status]}>
      {label(`status.${kind}.${status}`)}
    </span>
  );
}

const CHANNEL_ICONS: Record<string, string> = {
  blog: '✎',
  podcast: '🎙',
  whitepaper: '📄',
  webinar: '🖥',
};

export function ChannelLabel({ channel }: { channel: string }) {
  const label = useLabel();
  return (
    <span className="channel" data-channel={channel}>
      <span aria-hidden="true">{CHANNEL_ICONS[channel] ?? '•'} </span>
      {label(`channels.${channel}`)}
    </span>
  );
}
