import { useI18n } from 'vue-i18n';

/** Labels of the enums the server sends; a value without a label is shown as sent. */
export function useLabels() {
  const { t, te } = useI18n({ useScope: 'global' });

  function label(prefix: string, value: string | null | undefined): string {
    if (value === null || value === undefined || value === '') return t('common.empty');
    const key = `${prefix}.${value}`;
    return te(key) ? t(key) : value;
  }

  return {
    level: (value: string | null | undefined) => label('level', value),
    kind: (value: string | null | undefined) => label('kind', value),
    gender: (value: string | null | undefined) => label('member.genders', value),
    memberStatus: (value: string | null | undefined) => label('member.statuses', value),
    standing: (value: string | null | undefined) => label('member.standings', value),
    transferStatus: (value: string | null | undefined) => label('transfer.statuses', value),
    unitKind: (value: string | null | undefined) => label('unit.kinds', value),
    coverage: (value: string | null | undefined) => label('unit.coverages', value),
    power: (value: string | null | undefined) => label('reform.powerNames', value),
    /** `org:read` → 查看组织. */
    permission: (value: string) => label('permissions', value.replace(':', '_')),
    duty: (value: string | null | undefined) => label('duties', value),
    /** An audit action or action prefix: `auth.login` → 登录, `user.` → 用户管理（全部）. */
    auditAction: (value: string) =>
      label('audit.actions', value.replace(/\.$/, '').replace(/\./g, '_')),
    auditResult: (value: string | null | undefined) => label('audit.results', value),
    auditTarget: (value: string | null | undefined) => label('audit.targets', value),
    settingName: (value: string) => label('setting.names', value),
    yesNo: (value: boolean | null | undefined) => t(value ? 'common.yes' : 'common.no'),
    /** A date as sent (YYYY-MM-DD), or the empty mark. */
    date: (value: string | null | undefined) => value || t('common.empty'),
  };
}
