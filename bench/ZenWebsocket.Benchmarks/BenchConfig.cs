using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace ZenWebsocket.Benchmarks;

/// <summary>One configuration for every benchmark: allocations are always measured.</summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        Add(DefaultConfig.Instance);
        AddDiagnoser(MemoryDiagnoser.Default);
        WithOptions(ConfigOptions.JoinSummary);
    }
}
