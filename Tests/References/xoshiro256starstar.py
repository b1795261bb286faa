"""Reference stream for AlmanacCore.SeededGenerator.

A line-by-line Python transcription of Blackman & Vigna's reference C code
for xoshiro256** (prng.di.unimi.it/xoshiro256starstar.c), seeded with four
outputs of their SplitMix64 (prng.di.unimi.it/splitmix64.c), as their notes
recommend. Run: python3 Tests/References/xoshiro256starstar.py
"""
M = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & M
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return state, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M


def stream(seed, n):
    state, s = seed, []
    for _ in range(4):
        state, value = splitmix64(state)
        s.append(value)
    out = []
    for _ in range(n):
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        out.append(result)
    return out


if __name__ == "__main__":
    for seed in (0, 42):
        print(seed, stream(seed, 3))
    print("doubles(42):", [(x >> 11) * 2.0 ** -53 for x in stream(42, 2)])
