//! A tiny deterministic pseudo-random generator (SplitMix64), so that the sample is the same
//! on every platform and needs no `rand` crate. Only integer operations, `+ - * /` and
//! `sqrt` (all exactly rounded by IEEE 754) touch floats here, so every generated value is
//! bit-identical across machines.

/// SplitMix64 (Steele, Lea and Flood, 2014): a 64-bit state advanced by a Weyl constant and
/// scrambled by two multiply-xorshift rounds. Good enough statistically for illustrative
/// data, and each stream is fully determined by its seed.
#[derive(Debug, Clone)]
pub(crate) struct Rng {
    state: u64,
}

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// The SplitMix64 finaliser: a bijective scramble of a 64-bit word.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    /// A generator seeded with `seed`.
    pub(crate) fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    /// An independent stream for one part of the generation (partners, projects...), so that
    /// changing the size of one part leaves the others unchanged.
    pub(crate) fn stream(seed: u64, stream: u64) -> Rng {
        Rng::new(mix(seed ^ mix(stream.wrapping_add(1).wrapping_mul(GOLDEN))))
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN);
        mix(self.state)
    }

    /// A uniform number in `[0, 1)` with 53 random bits.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A uniform number in `[lo, hi)`.
    pub(crate) fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// A uniform integer in `0..n` (0 when `n` is 0), by multiply-shift (no modulo bias
    /// worth speaking of for the small `n` used here).
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A uniform index into a collection of `n` items (0 when `n` is 0).
    pub(crate) fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    /// True with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Noise with mean 0 and standard deviation `sd`, bell-shaped and bounded by
    /// `±2 sqrt(3) sd` (the sum of four uniforms, Irwin-Hall; no transcendental function).
    pub(crate) fn noise(&mut self, sd: f64) -> f64 {
        let s = self.unit() + self.unit() + self.unit() + self.unit() - 2.0;
        // The sum of four U(0,1) has variance 4/12 = 1/3: scale by sqrt(3).
        s * 1.732_050_807_568_877_2 * sd
    }

    /// An index drawn with the given relative weights (0 for an empty or all-zero list).
    pub(crate) fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        if total <= 0.0 {
            return 0;
        }
        let mut x = self.unit() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len().saturating_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_reference_sequence() {
        // Reference values of SplitMix64 seeded with 0 (from the published C code:
        // x += 0x9e3779b97f4a7c15; z = x; z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9; ...).
        let mut r = Rng::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(r.next_u64(), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn draws_stay_in_their_ranges() {
        let mut r = Rng::new(42);
        for _ in 0..10_000 {
            let u = r.unit();
            assert!((0.0..1.0).contains(&u));
            assert!(r.below(7) < 7);
            let n = r.noise(1.0);
            // Bounded by 2 * sqrt(3) = 3.4641...
            assert!(n.abs() <= 3.465);
        }
        assert_eq!(r.below(0), 0);
        assert_eq!(r.weighted(&[]), 0);
        assert_eq!(r.weighted(&[0.0, 0.0]), 0);
        // A weight of zero is never drawn.
        for _ in 0..1000 {
            assert_eq!(r.weighted(&[0.0, 1.0, 0.0]), 1);
        }
    }

    #[test]
    fn noise_has_the_requested_spread() {
        // Mean 0 and variance sd^2 = 4 over many draws (loose bounds: 100,000 draws give a
        // standard error of about 0.006 on the mean and 0.02 on the variance).
        let mut r = Rng::new(7);
        let n = 100_000;
        let draws: Vec<f64> = (0..n).map(|_| r.noise(2.0)).collect();
        let mean = draws.iter().sum::<f64>() / n as f64;
        let var = draws.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n as f64;
        assert!(mean.abs() < 0.03, "mean {mean}");
        assert!((var - 4.0).abs() < 0.1, "variance {var}");
    }

    #[test]
    fn streams_are_independent_and_reproducible() {
        let a: Vec<u64> = (0..4)
            .map({
                let mut r = Rng::stream(1, 0);
                move |_| r.next_u64()
            })
            .collect();
        let b: Vec<u64> = (0..4)
            .map({
                let mut r = Rng::stream(1, 0);
                move |_| r.next_u64()
            })
            .collect();
        let c: Vec<u64> = (0..4)
            .map({
                let mut r = Rng::stream(1, 1);
                move |_| r.next_u64()
            })
            .collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }
}
