import ArrowDown from 'lucide-react/icons/arrow-down';
import ArrowUp from 'lucide-react/icons/arrow-up';
import ArrowUpDown from 'lucide-react/icons/arrow-up-down';
import FileText from 'lucide-react/icons/file-text';
import Mic from 'lucide-react/icons/mic';
import PenLine from 'lucide-react/icons/pen-line';
import Presentation from 'lucide-react/icons/presentation';
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

/** One icon per channel: inline SVG (each imported on its own, so only these four ship). */
const CHANNEL_ICONS: Record<string, typeof Mic> = {
  blog: PenLine,
  podcast: Mic,
  whitepaper: FileText,
  webinar: Presentation,
};

/** A channel's name with its icon; the icon is decoration beside the text. */
export function ChannelLabel({ channel }: { channel: string }) {
  const label = useLabel();
  const Icon = CHANNEL_ICONS[channel];
  return (
    <span className="channel" data-channel={channel}>
      {Icon ? <Icon className="icon" aria-hidden="true" focusable="false" /> : null}
      {label(`channels.${channel}`)}
    </span>
  );
}

/** A sortable column's direction beside its name (the header's aria-sort says it to screen readers). */
export function SortIcon({ direction }: { direction: 'asc' | 'desc' | null }) {
  const Icon = direction === 'asc' ? ArrowUp : direction === 'desc' ? ArrowDown : ArrowUpDown;
  return (
    <Icon
      className="icon icon-after"
      data-direction={direction || 'none'}
      aria-hidden="true"
      focusable="false"
    />
  );
}
