//! The requester lookup as pure logic.
