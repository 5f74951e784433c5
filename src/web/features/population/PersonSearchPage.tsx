import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Alert, Card, Form, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { PersonSummary } from '../../../contracts/population';
import type { ApiError } from '../../api/client';
import { toApiError } from '../../api/use-api';
import { useI18n } from '../../shell/i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { formatDate, formatNumber } from '../../components/format';
import { sexLabel } from '../../components/person-labels';
import { searchPersons, type PersonPage, type SearchCriteria } from './population-api';
import { SearchForm, toFormValues, type SearchFormValues } from './SearchForm';

const PAGE_SIZE = 20;
const FORM_FIELDS = new Set(['nationalId', 'name', 'birthDate', 'birthYear', 'unitCode']);

/** What the page keeps in the browser history entry (not in the URL: ID numbers stay out of URLs and logs). */
interface SearchState {
  criteria: SearchCriteria;
  page: number;
}

function savedSearch(state: unknown): SearchState | undefined {
  const s = (state as { search?: SearchState } | null)?.search;
  return s && typeof s.page === 'number' && typeof s.criteria === 'object' ? s : undefined;
}

/** Search the population registry and open a person's record. */
export default function PersonSearchPage() {
  const { t, pick, lang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<SearchFormValues>();
  const [result, setResult] = useState<PersonPage>();
  const [criteria, setCriteria] = useState<SearchCriteria>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(false);
  const pending = useRef<AbortController | null>(null);

  const run = useCallback(
    async (next: SearchCriteria, page: number) => {
      pending.current?.abort();
      const controller = new AbortController();
      pending.current = controller;
      setLoading(true);
      setError(undefined);
      try {
        const found = await searchPersons(next, page, PAGE_SIZE, { signal: controller.signal });
        setResult(found);
        setCriteria(next);
        void navigate(location.pathname, {
          replace: true,
          state: { search: { criteria: next, page } satisfies SearchState },
        });
      } catch (e) {
        if (controller.signal.aborted) return;
        const apiError = toApiError(e);
        const fieldErrors = apiError.fields.filter((f) => FORM_FIELDS.has(f.field));
        form.setFields(
          fieldErrors.map((f) => ({
            name: f.field as keyof SearchFormValues,
            errors: [pick(f.messageVi, f.messageEn)],
          })),
        );
        if (fieldErrors.length === 0 || fieldErrors.length < apiError.fields.length) setError(apiError);
        setResult(undefined);
      } finally {
        if (!controller.signal.aborted) setLoading(false);
      }
    },
    [form, navigate, location.pathname, pick],
  );

  // Coming back from a record: restore the last search from the history entry.
  useEffect(() => {
    const saved = savedSearch(location.state);
    if (saved && !criteria) {
      form.setFieldsValue(toFormValues(saved.criteria));
      void run(saved.criteria, saved.page);
    }
    return () => pending.current?.abort();
    // Runs once on mount: later searches are started by the form.
  }, []);

  const clear = () => {
    pending.current?.abort();
    form.resetFields();
    setResult(undefined);
    setCriteria(undefined);
    setError(undefined);
    setLoading(false);
    void navigate(location.pathname, { replace: true, state: null });
  };

  const columns: TableColumnsType<PersonSummary> = [
    {
      title: t('person.fullName'),
      dataIndex: 'fullName',
      render: (name: string, p) => (
        <Link to={`/population/persons/${p.id}`} onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    {
      title: t('person.nationalId'),
      dataIndex: 'nationalId',
      responsive: ['md'],
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('person.birth'),
      key: 'birth',
      render: (_: unknown, p) => (p.birthDate ? formatDate(p.birthDate) : p.birthYear),
    },
    { title: t('person.sex'), dataIndex: 'sex', responsive: ['sm'], render: (v: string) => sexLabel(t, v) },
    {
      title: t('person.residenceUnit'),
      dataIndex: 'residenceUnitName',
      responsive: ['lg'],
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('person.status'),
      dataIndex: 'status',
      responsive: ['sm'],
      render: (v: string) => (v === 'deceased' ? <Tag>{t('person.status.deceased')}</Tag> : t('person.status.alive')),
    },
  ];

  return (
    <>
      <PageTitle title={t('search.title')} description={t('search.description')} />
      <Card className="section-card">
        <SearchForm form={form} loading={loading} onSearch={(c) => void run(c, 1)} onClear={clear} />
      </Card>
      {error && <ErrorAlert error={error} />}
      {result && criteria && (
        <Card className="section-card" title={t('search.results')}>
          {result.total === 0 ? (
            <Alert type="info" showIcon title={t('search.noResults')} description={t('search.noResultsHint')} />
          ) : (
            <>
              {result.fuzzy && <Alert type="warning" showIcon className="fuzzy-alert" title={t('search.fuzzy')} />}
              <Table<PersonSummary>
                rowKey="id"
                columns={columns}
                dataSource={result.items}
                loading={loading}
                size="middle"
                onRow={(p) => ({
                  onClick: () => void navigate(`/population/persons/${p.id}`),
                  className: 'clickable-row',
                })}
                pagination={{
                  current: result.page,
                  pageSize: result.pageSize,
                  total: result.total,
                  showSizeChanger: false,
                  showTotal: (total) => t('search.total', { total: formatNumber(total, lang) }),
                  onChange: (page) => void run(criteria, page),
                }}
              />
            </>
          )}
        </Card>
      )}
    </>
  );
}
