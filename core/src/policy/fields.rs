//! Which fields of leads, contacts and deals the sidebar shows.
