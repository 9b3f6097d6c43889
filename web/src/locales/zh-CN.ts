/** Chinese texts, the default; en.ts must have the same keys (its type checks that). */
const zhCN = {
  app: {
    name: '联动',
    title: '联动 · 城市基层党建平台',
  },
  login: {
    username: '用户名',
    password: '密码',
    submit: '登录',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
  },
  layout: {
    logout: '退出登录',
    language: '语言',
  },
  menu: {
    home: '首页',
  },
  home: {
    orgPath: '所属组织',
    orgCounts: '下级组织数量',
    level: '层级',
    count: '数量',
    total: '合计',
  },
  level: {
    city: '市',
    district: '区',
    street: '街道',
    community: '社区',
    grid: '网格',
  },
  // One message per error `code` the server (or this client) sends: errors.<code>.
  errors: {
    request: {
      invalid_json: '请求格式错误',
      invalid_argument: '提交的内容有误，请检查后重试',
      not_found: '请求的资源不存在',
      method_not_allowed: '不支持该操作',
      body_too_large: '提交的内容过大',
      header_too_large: '请求头过大',
      rate_limited: '操作过于频繁，请稍后再试',
    },
    auth: {
      invalid_credentials: '用户名或密码错误',
      unauthenticated: '登录已过期，请重新登录',
      session_expired: '登录已过期，请重新登录',
      csrf_invalid: '页面已过期，请刷新后重试',
      permission_denied: '没有权限执行此操作',
    },
    org: {
      not_found: '组织不存在',
    },
    server: {
      internal: '服务器内部错误，请稍后再试',
      unavailable: '服务暂时不可用，请稍后再试',
    },
    client: {
      network_error: '无法连接服务器，请检查网络',
      invalid_response: '服务器返回了无法识别的内容',
    },
  },
  // Used when a code has no message here and the server sent none either.
  unknownError: '操作失败，请稍后再试',
};

export type Messages = typeof zhCN;
export default zhCN;
