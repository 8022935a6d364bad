//! When the client tries a Sell request again by itself: only on 429, a bounded number of times, with
//! backoff, honouring Retry-After when Sell sends one (it documents none, so backoff is the norm).

use super::error::SellError;

/// Attempts per request, the first included: a 429 storm costs at most this many calls per request.
pub const MAX_ATTEMPTS: u32 = 3;
/// Longer waits are not done silently: the sidebar shows the rate-limited state with a retry button.
pub const MAX_SILENT_WAIT_MS: u32 = 10_000;
const BACKOFF_BASE_MS: u32 = 1_000;

/// The wait before attempt `failed_attempt + 1`, or `None` to give up and show the error.
pub fn retry_delay_ms(failed_attempt: u32, error: &SellError) -> Option<u32> {
    let SellError::RateLimited { retry_after_secs } = error else {
        return None;
    };
    if failed_attempt >= MAX_ATTEMPTS {
        return None;
    }
    let wait = match retry_after_secs {
        Some(secs) => u32::try_from(*secs).ok()?.checked_mul(1_000)?,
        None => BACKOFF_BASE_MS.checked_shl(failed_attempt.saturating_sub(1))?,
    };
    (wait <= MAX_SILENT_WAIT_MS).then_some(wait)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limited(secs: Option<u64>) -> SellError {
        SellError::RateLimited { retry_after_secs: secs }
    }

    #[test]
    fn rate_limits_back_off_exponentially_then_give_up() {
        assert_eq!(retry_delay_ms(1, &limited(None)), Some(1_000));
        assert_eq!(retry_delay_ms(2, &limited(None)), Some(2_000));
        assert_eq!(retry_delay_ms(3, &limited(None)), None);
        assert_eq!(retry_delay_ms(40, &limited(None)), None);
    }

    #[test]
    fn retry_after_is_honoured_up_to_the_silent_limit() {
        assert_eq!(retry_delay_ms(1, &limited(Some(3))), Some(3_000));
        assert_eq!(retry_delay_ms(1, &limited(Some(0))), Some(0));
        assert_eq!(retry_delay_ms(1, &limited(Some(60))), None);
        assert_eq!(retry_delay_ms(1, &limited(Some(u64::MAX))), None);
    }

    #[test]
    fn other_errors_are_never_retried_silently() {
        for e in [SellError::Unauthorized, SellError::Server { status: 500 }, SellError::Timeout, SellError::NotFound] {
            assert_eq!(retry_delay_ms(1, &e), None, "{e:?}");
        }
    }
}
