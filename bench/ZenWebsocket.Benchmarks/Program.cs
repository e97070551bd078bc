using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new ZenWebsocket.Benchmarks.BenchConfig());
