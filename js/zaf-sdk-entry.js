// The real ZAF SDK, exposed as `window.ZAFClient` as Zendesk's CDN build does.
window.ZAFClient = require('zendesk_app_framework_sdk');
