//! The decisions of sell-sidebar, in plain Rust with no browser types, so they are unit-tested natively.
//! Data flows ZAF → Sell client → these decisions → the view; nothing here touches the browser.

pub mod json;
pub mod order;
pub mod sell;
pub mod zaf_values;
pub mod format;
pub mod i18n;
pub mod location;
pub mod lookup;
pub mod cards;
pub mod ui_tree;
pub mod settings_helper;
pub mod cache_policy;
pub mod policy;
pub mod settings;
pub mod id_map;
pub mod names;
pub mod text;
pub mod combobox;
pub mod lead_form;
