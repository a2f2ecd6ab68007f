//! The generator's randomness: splitmix64 and integer-only Zipf draws, fully specified here so the
//! bytes never depend on a crate version or a platform's floating point.

/// splitmix64 (Steele, Lea and Flood 2014): tiny, fast, and fully specified here.
pub(super) struct Rng(u64);

impl Rng {
    /// A generator for statement `i` of `seed`: independent streams for every pair.
    pub(super) fn new(seed: u64, i: usize) -> Self {
        let mut mixer = Rng(seed);
        let base = mixer.next_u64();
        let mut rng = Rng(base ^ (i as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
        rng.next_u64();
        rng
    }

    pub(super) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (Lemire's multiply-shift; the tiny bias is irrelevant here). `n > 0`.
    pub(super) fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub(super) fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `per_mille / 1000`.
    pub(super) fn chance(&mut self, per_mille: usize) -> bool {
        self.below(1000) < per_mille
    }

    pub(super) fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// A Zipf–Mandelbrot distribution over ranks `0..n`: weight of rank k ∝ 1 / (k + q), in integers.
pub(super) struct Zipf {
    cumulative: Vec<u64>,
}

impl Zipf {
    pub(super) fn new(n: usize, q: u64) -> Self {
        let mut total = 0;
        let cumulative = (0..n as u64)
            .map(|k| {
                total += 1_000_000_000_000 / (k + q);
                total
            })
            .collect();
        Self { cumulative }
    }

    pub(super) fn sample(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(1);
        let point = ((u128::from(rng.next_u64()) * u128::from(total)) >> 64) as u64;
        self.cumulative.partition_point(|&c| c <= point)
    }

    /// `count` distinct ranks, in the order drawn.
    pub(super) fn sample_distinct(&self, rng: &mut Rng, count: usize) -> Vec<usize> {
        let mut ranks = Vec::with_capacity(count);
        while ranks.len() < count {
            let rank = self.sample(rng);
            if !ranks.contains(&rank) {
                ranks.push(rank);
            }
        }
        ranks
    }
}

/// Draws indices while avoiding the last few drawn, so sentences rarely repeat close together.
#[derive(Default)]
pub(super) struct Recent([Option<usize>; 6]);

impl Recent {
    pub(super) fn pick(&mut self, rng: &mut Rng, n: usize) -> usize {
        let mut k = rng.below(n);
        while self.0.contains(&Some(k)) {
            k = rng.below(n);
        }
        self.0.rotate_right(1);
        self.0[0] = Some(k);
        k
    }
}
