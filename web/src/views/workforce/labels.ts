import { useI18n } from 'vue-i18n';

/** The Chinese (or English) names of the workforce's keys; an unknown key shows as itself. */
export function useWorkforceLabels() {
  const { t, te } = useI18n();
  const label = (group: string, key: string): string =>
    te(`workforce.${group}.${key}`) ? t(`workforce.${group}.${key}`) : key;
  return {
    post: (post: string) => label('posts', post),
    status: (status: string) => label('statuses', status),
    education: (education: string) => label('educations', education),
    result: (result: string) => label('results', result),
    change: (change: string) => label('changes', change),
    runStatus: (status: string) => label('runStatuses', status),
    event: (kind: string) => label('events', kind),
  };
}
