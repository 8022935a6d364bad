//! Thin views: each renders what `sidebar_core` decided, nothing more.

pub mod admin_helper;
pub mod callout;
pub mod cards;
pub mod create_lead;
pub mod load_error;
pub mod lookup_view;
pub mod manual_search;
pub mod not_in_zendesk;
pub mod organization_view;
pub mod settings_notice;
pub mod show_more;
pub mod skeleton;
