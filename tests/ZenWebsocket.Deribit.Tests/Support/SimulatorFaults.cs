using ZenWebsocket.Testing.Simulators.Deribit;

namespace ZenWebsocket.Deribit.Tests.Support;

public static class SimulatorFaults
{
    /// <summary>
    /// DropAllConnections, tolerating a simulator race (outside this project): WebSocketSession.Abort cancels the
    /// session first, the request can then finish and dispose its HttpContext before HttpContext.Abort runs, which
    /// throws NullReferenceException/ObjectDisposedException. The connection is gone either way.
    /// </summary>
    public static void DropAll(this DeribitSimulator simulator)
    {
        try
        {
            simulator.DropAllConnections();
        }
        catch (Exception e) when (e is NullReferenceException or ObjectDisposedException)
        {
        }
    }
}
