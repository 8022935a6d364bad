//! When the client tries a Sell request again by itself: only on 429, a bounded number of times, with
//! backoff, honouring Retry-After when Sell sends one (it documents none, so backoff is the norm). Every
//! agent of an account shares one token, so sidebars that hit the limit together would retry together
//! and hit it again: each wait gets a random extra of up to half its length.

use super::error::SellError;

/// Attempts per request, the first included: a 429 storm costs at most this many calls per request.
pub const MAX_ATTEMPTS: u32 = 3;
/// Longer waits are not done silently: the sidebar shows the rate-limited state with a retry button.
pub const MAX_SILENT_WAIT_MS: u32 = 10_000;
const BACKOFF_BASE_MS: u32 = 1_000;

/// Jitter is given in thousandths of the most it may add (`0..=1000`, from the caller's random source).
pub const JITTER_SCALE: u32 = 1_000;

/// The wait before attempt `failed_attempt + 1`, or `None` to give up and show the error. `jitter`
/// (`0..=JITTER_SCALE`) adds up to half the wait again.
pub fn retry_delay_ms(failed_attempt: u32, error: &SellError, jitter: u32) -> Option<u32> {
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
    if wait > MAX_SILENT_WAIT_MS {
        return None;
    }
    let extra = u64::from(wait / 2) * u64::from(jitter.min(JITTER_SCALE)) / u64::from(JITTER_SCALE);
    Some(wait + extra as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limited(secs: Option<u64>) -> SellError {
        SellError::RateLimited { retry_after_secs: secs }
    }

    #[test]
    fn rate_limits_back_off_exponentially_then_give_up() {
        assert_eq!(retry_delay_ms(1, &limited(None), 0), Some(1_000));
        assert_eq!(retry_delay_ms(2, &limited(None), 0), Some(2_000));
        assert_eq!(retry_delay_ms(3, &limited(None), 0), None);
        assert_eq!(retry_delay_ms(40, &limited(None), 0), None);
    }

    #[test]
    fn retry_after_is_honoured_up_to_the_silent_limit() {
        assert_eq!(retry_delay_ms(1, &limited(Some(3)), 0), Some(3_000));
        assert_eq!(retry_delay_ms(1, &limited(Some(0)), 0), Some(0));
        assert_eq!(retry_delay_ms(1, &limited(Some(60)), 0), None);
        assert_eq!(retry_delay_ms(1, &limited(Some(u64::MAX)), 0), None);
    }

    #[test]
    fn sidebars_limited_together_spread_their_retries_over_half_a_wait() {
        assert_eq!(retry_delay_ms(1, &limited(None), JITTER_SCALE), Some(1_500));
        assert_eq!(retry_delay_ms(1, &limited(None), 500), Some(1_250));
        assert_eq!(retry_delay_ms(2, &limited(None), 999), Some(2_999));
        assert_eq!(retry_delay_ms(1, &limited(Some(4)), JITTER_SCALE), Some(6_000));
        assert_eq!(retry_delay_ms(1, &limited(None), u32::MAX), Some(1_500), "out of range counts as the most");
        // The silent limit applies to Sell's wait, not to the spread.
        assert_eq!(retry_delay_ms(1, &limited(Some(10)), JITTER_SCALE), Some(15_000));
    }

    #[test]
    fn other_errors_are_never_retried_silently() {
        for e in [SellError::Unauthorized, SellError::Server { status: 500 }, SellError::Timeout, SellError::NotFound] {
            assert_eq!(retry_delay_ms(1, &e, 0), None, "{e:?}");
        }
    }
}
