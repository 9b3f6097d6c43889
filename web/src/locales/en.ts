import type { Messages } from './zh-CN';

const en: Messages = {
  app: {
    name: 'Liandong',
    title: 'Liandong · Urban Grassroots Party Building',
  },
  login: {
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
  },
  layout: {
    logout: 'Log out',
    language: 'Language',
  },
  menu: {
    home: 'Home',
  },
  home: {
    orgPath: 'Organisation',
    orgCounts: 'Organisations below',
    level: 'Level',
    count: 'Count',
    total: 'Total',
  },
  level: {
    city: 'City',
    district: 'District',
    street: 'Street',
    community: 'Community',
    grid: 'Grid',
  },
  errors: {
    request: {
      invalid_json: 'The request is not valid JSON.',
      invalid_argument: 'Some of the input is not valid. Check it and try again.',
      not_found: 'The requested resource does not exist.',
      method_not_allowed: 'This operation is not supported.',
      body_too_large: 'The request is too large.',
      header_too_large: 'The request headers are too large.',
      rate_limited: 'Too many requests. Try again in a moment.',
    },
    auth: {
      invalid_credentials: 'Wrong username or password.',
      unauthenticated: 'Your session has ended. Please log in again.',
      session_expired: 'Your session has ended. Please log in again.',
      csrf_invalid: 'This page is out of date. Reload it and try again.',
      permission_denied: 'You do not have permission to do this.',
    },
    org: {
      not_found: 'The organisation does not exist.',
    },
    server: {
      internal: 'Internal server error. Try again later.',
      unavailable: 'The service is unavailable. Try again later.',
    },
    client: {
      network_error: 'Cannot reach the server. Check your network.',
      invalid_response: 'The server sent an answer this page cannot read.',
    },
  },
  unknownError: 'Something went wrong. Try again later.',
};

export default en;
