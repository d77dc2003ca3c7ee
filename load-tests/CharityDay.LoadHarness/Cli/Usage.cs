namespace CharityDay.LoadHarness.Cli;

/// <summary>The <c>--help</c> text: every option with its default.</summary>
internal static class Usage
{
    public const string Text = """
        Charity Day load harness: drives the server through its public HTTP and SignalR endpoints, on loopback only.

          dotnet load-tests/CharityDay.LoadHarness/bin/Release/net10.0/CharityDay.LoadHarness.dll [options]

        Server (default: start the Release build on SQLite in a temp folder, stop it at the end)
          --postgres CONNSTR          start it in PostgreSQL mode (Host must be loopback)
          --server-dll PATH           server to start (default src/CharityDay.Server/bin/Release/net10.0/CharityDay.Server.dll)
          --server-arg ARG            one more argument for the started server (repeatable), e.g. --server-arg --CharityDay:OnlineShards=16
          --url URL --admin-key KEY   drive a server that is already running (loopback only); baselines need it
                                      started with --CharityDay:Baselines:Enabled=true
        Cluster and faults
          --cluster DIR               drive the local cluster in DIR (deploy/local-cluster.sh up --dir DIR): --url defaults to
                                      its balancer, --admin-key to its key; it is left up at the end
          --hub-urls URL,URL,…        where big screens and phones connect, round-robin, each staying on its URL (default: with
                                      --cluster every node's URL, else --url); the balancer's URL may be one of them
          --chaos PLAN                needs --cluster: timed faults, from the start of the measured run, e.g.
                                      kill-node:busiest@10s,restart-postgres@25s,stop-redis@35s+30s
                                        kill-node:N@T  kill-node:busiest@T   SIGKILL (busiest: most desk grains per /api/cluster)
                                        restart-node:N@T  rolling-restart@T  SIGTERM, start again, wait until ready (each in turn)
                                        restart-postgres@T  stop-redis@T+D   fast restart; Redis down from T for D
                                      nodes it killed and did not restart are restarted before the correctness check
          --retry-for 30s             a send answered 5xx, 429 or not at all is sent again with the same id every 250 ms for this
                                      long (0: never during the run; the end-of-run settle still does)
        Scenarios (run together, in one process)
          --scenarios LIST            stage,online,viewers,night (default stage,online,viewers)
          --duration 30s              measured length of each default load simulation
          --warmup 5s                 run at the first step's level first; its results are dropped
          --desks 8 --operators 32    stage: desks, and operators (closed-model copies) spread over them
          --think 0ms | 200ms-2s      stage: an operator's think time between pledges
          --stage-load SIM            stage load simulation (default constant:OPERATORS:DURATION)
          --online-rate 200           online: donations per second (default inject:RATE:DURATION)
          --online-load SIM           online load simulation
          --viewers 100               viewers: phone connections calling Follow (≤ 4 pushes/s, the 5 newest pledges each)
          --viewers-load SIM          default ramp-constant:N:(N/500 s, 1–10 s),constant:N:DURATION
          --screens 2                 big-screen connections calling Watch (≤ 10 pushes/s, up to 20 new pledges), held
                                      for as long as the phones wherever they run (viewers and night); 0 for none
          --phone-client light        the phones' client: light (the JSON hub protocol over a bare WebSocket: the same bytes on
                                      the wire at a fraction of the CPU), signalr (the full SignalR client, which on a small
                                      machine costs more CPU than the server does), or mixed (every other phone; --smoke's
                                      default); big screens always use the full client
          --night-duration D          night profile length (default --duration)
          --night-stage-rate 400 --night-online-rate 300 --night-viewers 200   the night's peaks
          --duplicates 0.05           share of acknowledged pledges sent again with the same id
          --concurrent-duplicates 0.01  share sent twice at once (a double tap)
        A load simulation SIM is a comma list of steps:
          inject:RATE:D  ramp-inject:RATE:D   open model (latency from the scheduled start)
          constant:N:D   ramp-constant:N:D    closed model (N copies back to back)
          pause:D                             e.g. ramp-inject:2000:10s,inject:2000:30s
        Baselines
          --with-baselines            after the real run, the identical load against the no-op ceiling and the naive peer
        Thresholds (exit code 1 when one fails; the correctness check always counts)
          --max-p99-ms X  --min-rps X  --max-fail-pct X
          --max-screen-p99-ms X       pledge-to-screen p99, measured by the big screens
          --max-phone-p99-ms X        pledge-to-phone p99, measured by the phones
          --max-recovery-s X          each fault: until every desk and the online channel are acknowledged again
          --max-screen-lag-ms X       worst pledge-to-screen latency on any big screen over the measured run
        Run
          --smoke                     every scenario at low rate with baselines, well under a minute (CI)
          --reports DIR               report folder root (default load-tests/reports)
          --label TEXT                a name for the run in the report
          --seed N                    same seed, same amounts and retries (default 20161129)
          --connections 512           HTTP connections to the server
          --max-in-flight 20000       open model: requests running at once before new ones are dropped (counted as failed)
          --request-timeout 30s
          --counters                  record dotnet-counters of the started server into the report
        """;
}
