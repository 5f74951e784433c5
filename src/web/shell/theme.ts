import type { ThemeConfig } from 'antd';

/**
 * Readable defaults for counter PCs and elderly users: 16px base text, and secondary
 * text colours darkened so every text passes WCAG AA contrast (antd's defaults do not).
 */
export const theme: ThemeConfig = {
  token: {
    fontSize: 16,
    colorPrimary: '#0958d9',
    // Hover/active darken instead of lighten, so white text on a hovered button stays readable.
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    colorLink: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.72)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.68)',
    colorTextDescription: 'rgba(0, 0, 0, 0.68)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorTextDisabled: 'rgba(0, 0, 0, 0.55)',
    // Darker red for error text (form messages) to pass contrast; light backgrounds kept for alerts.
    colorError: '#cf1322',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    borderRadius: 6,
    fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      headerBg: '#002766',
      headerColor: '#ffffff',
      siderBg: '#ffffff',
      bodyBg: '#f3f5f8',
      headerPadding: '0 16px',
    },
    Menu: { groupTitleColor: 'rgba(0, 0, 0, 0.68)', itemSelectedColor: '#003eb3', itemSelectedBg: '#e6f4ff' },
    Table: { headerColor: 'rgba(0, 0, 0, 0.88)' },
  },
};
