using Microsoft.Extensions.Time.Testing;
using ZenWebsocket.Tests.Support;

namespace ZenWebsocket.Tests.RateLimiting;

/// <summary>
/// Many rounds of concurrent callers (reject and wait mode) against a clock advanced in small steps on another thread.
/// Demand always exceeds supply, so the bucket runs dry every round: a lost decrement, a non-atomic refill, a double
/// grant or a refund would let callers get more than the bucket could have held, and the ledger checks catch it.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Rounds = 200;
    private const int Callers = 8;
    private const int MaxAttemptsPerCaller = 100_000;
    private const int StepsPerRound = 40;
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task The_limiter_never_exceeds_capacity_plus_refills_under_concurrent_use()
    {
        var time = new FakeTimeProvider();
        var options = new RateLimitOptions { Name = "concurrency", Capacity = 40, RefillAmount = 3, RefillPeriod = Period, QueueLimit = 6, MaxWait = TimeSpan.FromMilliseconds(30) };
        using var limiter = new ZenRateLimiter(options, time);
        var start = time.GetTimestamp();
        long ledger = 0, attempts = 0, refusals = 0;
        var boundaries = new List<Boundary> { new(TimeSpan.Zero, 0, options.Capacity) };

        for (var round = 0; round < Rounds; round++)
        {
            await RunRoundAsync(time, round, async (random, stopped) =>
            {
                for (var i = 0; i < MaxAttemptsPerCaller && !stopped(); i++)
                {
                    var cost = random.Next(1, 9);
                    Interlocked.Increment(ref attempts);
                    if (i % 10 == 0)
                    {
                        try
                        {
                            await limiter.AcquireAsync(cost, TimeSpan.FromMilliseconds(random.Next(0, 20)));
                            Interlocked.Add(ref ledger, cost);
                        }
                        catch (ZenRateLimitedException)
                        {
                            Interlocked.Increment(ref refusals);
                        }
                    }
                    else if (limiter.TryAcquire(cost, out _))
                    {
                        Interlocked.Add(ref ledger, cost);
                    }
                    else
                    {
                        Interlocked.Increment(ref refusals);
                    }

                    if (i % 16 == 15)
                    {
                        await Task.Yield();
                    }
                }
            });

            var now = time.GetElapsedTime(start);
            var status = limiter.GetStatus();
            var granted = Interlocked.Read(ref ledger);
            var boundary = new Boundary(now, granted, status.TokensAvailable);
            boundaries.Add(boundary);

            // Every token the limiter took went to exactly one caller that saw success, and none was given back.
            Assert.Equal(granted, limiter.NetGranted);
            Assert.InRange(status.TokensAvailable, 0, options.Capacity);
            Assert.Equal(0, status.Waiters);

            // Tokens are conserved: what is left plus what was granted never exceeds the start plus the refills.
            Assert.True(
                status.TokensAvailable + granted <= options.Capacity + Refills(TimeSpan.Zero, now, options),
                $"round {round}: {status.TokensAvailable} left + {granted} granted > {options.Capacity} + refills by {now}");
        }

        // In any window between two quiet points, grants never exceed the tokens held at its start plus its refills.
        for (var i = 0; i < boundaries.Count; i++)
        {
            for (var j = i + 1; j < boundaries.Count; j++)
            {
                var grantedInWindow = boundaries[j].Granted - boundaries[i].Granted;
                var bound = boundaries[i].Tokens + Refills(boundaries[i].At, boundaries[j].At, options);
                Assert.True(grantedInWindow <= bound, $"window {i}..{j}: granted {grantedInWindow} > {bound}");
                Assert.True(grantedInWindow <= options.Capacity + Refills(boundaries[i].At, boundaries[j].At, options));
            }
        }

        // Demand outran supply, so the bucket really was contended (the test would be vacuous otherwise).
        Assert.True(refusals > attempts / 2, $"only {refusals} of {attempts} attempts were refused");
        Assert.True(ledger > options.Capacity * 10, $"only {ledger} tokens were granted");
    }

    [Fact]
    public async Task Composites_sharing_limiters_take_all_or_none_under_concurrent_use()
    {
        var time = new FakeTimeProvider();
        var optionsA = new RateLimitOptions { Name = "shared-a", Capacity = 40, RefillAmount = 3, RefillPeriod = Period, QueueLimit = 8, MaxWait = TimeSpan.FromMilliseconds(25) };
        var optionsB = optionsA with { Name = "shared-b", Capacity = 25, RefillAmount = 2 };
        using var a = new ZenRateLimiter(optionsA, time);
        using var b = new ZenRateLimiter(optionsB, time);

        // Opposite rule orders: the composite must still lock in one global order or this deadlocks.
        var ab = new CompositeRateLimiter([new(a, new FixedCost(2)), new(b, new FixedCost(1))]);
        var ba = new CompositeRateLimiter([new(b, new FixedCost(2)), new(a, new FixedCost(1))]);
        var start = time.GetTimestamp();
        long abCount = 0, baCount = 0, aDirect = 0, bDirect = 0;

        for (var round = 0; round < Rounds / 2; round++)
        {
            await RunRoundAsync(time, round, async (random, stopped) =>
            {
                for (var i = 0; i < MaxAttemptsPerCaller && !stopped(); i++)
                {
                    var pick = random.Next(6);
                    var cost = random.Next(1, 4);
                    switch (pick)
                    {
                        case 0 when ab.TryAcquire("x", out _):
                            Interlocked.Increment(ref abCount);
                            break;
                        case 1 when ba.TryAcquire("x", out _):
                            Interlocked.Increment(ref baCount);
                            break;
                        case 2 when a.TryAcquire(cost, out _):
                            Interlocked.Add(ref aDirect, cost);
                            break;
                        case 3 when b.TryAcquire(cost, out _):
                            Interlocked.Add(ref bDirect, cost);
                            break;
                        case 4:
                            try
                            {
                                await ab.AcquireAsync("x", TimeSpan.FromMilliseconds(random.Next(0, 20)));
                                Interlocked.Increment(ref abCount);
                            }
                            catch (ZenRateLimitedException)
                            {
                            }

                            break;
                        case 5:
                            try
                            {
                                await ba.AcquireAsync("x", TimeSpan.FromMilliseconds(random.Next(0, 20)));
                                Interlocked.Increment(ref baCount);
                            }
                            catch (ZenRateLimitedException)
                            {
                            }

                            break;
                    }

                    if (i % 16 == 15)
                    {
                        await Task.Yield();
                    }
                }
            });

            var now = time.GetElapsedTime(start);
            var grantedA = aDirect + (2 * abCount) + baCount;
            var grantedB = bDirect + abCount + (2 * baCount);

            // A composite success shows up in both limiters' books, a failure in neither.
            Assert.Equal(grantedA, a.NetGranted);
            Assert.Equal(grantedB, b.NetGranted);
            Assert.True(a.GetStatus().TokensAvailable + grantedA <= optionsA.Capacity + Refills(TimeSpan.Zero, now, optionsA));
            Assert.True(b.GetStatus().TokensAvailable + grantedB <= optionsB.Capacity + Refills(TimeSpan.Zero, now, optionsB));
        }

        Assert.True(abCount > 0 && baCount > 0);
    }

    private static long Refills(TimeSpan from, TimeSpan to, RateLimitOptions options) =>
        ((to.Ticks / options.RefillPeriod.Ticks) - (from.Ticks / options.RefillPeriod.Ticks)) * options.RefillAmount;

    /// <summary>
    /// Starts the callers, advances the fake clock in small random steps while they run, then tells them to stop and
    /// keeps the clock moving until every wait has ended (by tokens or by its deadline).
    /// </summary>
    private static async Task RunRoundAsync(FakeTimeProvider time, int round, Func<Random, Func<bool>, Task> caller)
    {
        var started = 0;
        var stop = 0;
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Task.WhenAll(Enumerable.Range(0, Callers).Select(c => Task.Run(async () =>
        {
            if (Interlocked.Increment(ref started) == Callers)
            {
                allStarted.TrySetResult();
            }

            await caller(new Random((round * 1_000) + c), () => Volatile.Read(ref stop) == 1);
        })));

        await allStarted.Task.Within();

        // The clock moves in small steps while the callers run, so refills race with acquisitions; after the stop
        // signal it keeps moving until every wait has ended (by tokens or by its deadline).
        var random = new Random(round);
        var since = TimeProvider.System.GetTimestamp();
        for (var step = 0; !callers.IsCompleted; step++)
        {
            Assert.True(TimeProvider.System.GetElapsedTime(since) < Bounded.Wait, $"round {round} did not finish");
            if (step == StepsPerRound)
            {
                Volatile.Write(ref stop, 1);
            }

            time.Advance(TimeSpan.FromMilliseconds(random.Next(1, 3)));
            Thread.SpinWait(random.Next(0, 200));
            await Task.Yield();
        }

        await callers;
    }

    private sealed record Boundary(TimeSpan At, long Granted, long Tokens);
}
