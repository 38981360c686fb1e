package dev.levelgym.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.NativeLibrary;
import java.nio.file.Path;

/**
 * libtorch as levelgym uses it: every native memory scope starts here, so that libtorch is set up once first.
 *
 * <p>The set-up is libtorch's C++ log level. libtorch prints its C++ warnings on stderr, among them "Warning:
 * AutoNonVariableTypeMode is deprecated and will be removed in 1.10 release..." the first time DJL copies values
 * into an array ({@code NDArray.set}, which DJL's JNI wraps in that deprecated guard), i.e. in every DQN, PPO and GAN
 * command: noise about DJL's internals that users cannot act on. PyTorch reads the level from the environment
 * variable {@code TORCH_CPP_LOG_LEVEL} only when something calls {@code c10::initLogging()}, which Python's
 * {@code import torch} does and DJL never does, so the variable alone changes nothing under DJL (tried: the warning
 * stays with {@code TORCH_CPP_LOG_LEVEL=ERROR}). So this class does what Python's binding does: if the variable is
 * set, it calls {@code c10::initLogging()} so libtorch applies it as documented; if not, it sets c10's level to
 * ERROR (2), keeping errors. Through JNA, on libc10 as DJL loaded it.
 *
 * <p>Not covered: a libtorch built with glog (DJL's builds are not), which keeps its level elsewhere, and warnings
 * printed while DJL loads libtorch, before this runs (none are known). If the symbol is not there the warning
 * just stays; nothing fails.
 */
public final class Libtorch {

    /** libtorch's own variable: INFO, WARNING, ERROR or FATAL, or 0 to 3. */
    public static final String LOG_LEVEL_VARIABLE = "TORCH_CPP_LOG_LEVEL";
    private static final int ERROR = 2;
    private static final boolean LOG_LEVEL_SET = setLogLevel();

    private Libtorch() {
    }

    /** A new root scope of native memory on the CPU ({@link NDManager#newBaseManager(Device)}). */
    public static NDManager newManager() {
        return NDManager.newBaseManager(Device.cpu());
    }

    /** True if libtorch's C++ log level was set (see the class comment); for tests and diagnostics. */
    public static boolean logLevelSet() {
        return LOG_LEVEL_SET;
    }

    private static boolean setLogLevel() {
        try {
            Engine.getEngine("PyTorch"); // loads libtorch, and so libc10, if it is not loaded yet
            Path dir = Path.of(LibUtils.getLibtorchPath());
            NativeLibrary c10 = NativeLibrary.getInstance(dir.resolve(System.mapLibraryName("c10")).toString());
            if (System.getenv(LOG_LEVEL_VARIABLE) != null) {
                c10.getFunction("_ZN3c1011initLoggingEv").invokeVoid(new Object[0]);
            } else {
                c10.getGlobalVariableAddress("FLAGS_caffe2_log_level").setInt(0, ERROR);
            }
            return true;
        } catch (RuntimeException | LinkageError e) {
            return false; // another libtorch build: its warnings stay, and nothing else changes
        }
    }
}
