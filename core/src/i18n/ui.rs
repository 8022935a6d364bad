//! Every text of the sidebar's UI, in English and German.
