package dev.levelgym.agents.checkpoint;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Saves and restores the moment estimates of DJL's {@link Adam}, so that a resumed DQN run takes the same steps as
 * an uninterrupted one.
 *
 * <p>Why reflection: DJL 0.35.1 has no public way to read or set an optimizer's state ({@code Trainer},
 * {@code ParameterStore} and {@code Model.save} cover parameters only). Adam keeps its first and second moments in
 * the private maps {@code means} and {@code variances} (parameter id → device → array), created as zeros on a
 * parameter's first update; this class reads and fills those two maps and nothing else. The step count {@code t}
 * of the bias correction needs no reflection: the public {@code optBeginNumUpdate} sets it when the optimizer is
 * built. If a DJL upgrade renames the fields, every save and load fails with a message saying so (see
 * {@code AdamMomentsTest}), rather than resuming silently with fresh moments.
 *
 * <p>Parameter ids are fresh per process, so the file stores the moments in the network's parameter order: an
 * {@link NDList} in DJL's own encoding, {@code [m₀, v₀, m₁, v₁, …]}. Before the first update the file is empty
 * (DJL cannot decode an encoded empty list).
 */
public final class AdamMoments {

    private static final Field MEANS = field("means");
    private static final Field VARIANCES = field("variances");

    private AdamMoments() {
    }

    private static Field field(String name) {
        try {
            Field field = Adam.class.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            // Reported on use, so that a DJL without the field still loads this class and acting still works.
            return null;
        }
    }

    /** Writes {@code adam}'s moments for {@code parameters} (all updated the same number of times) to {@code file}. */
    public static void write(Optimizer adam, List<Parameter> parameters, Path file) throws IOException {
        Map<String, Map<Device, NDArray>> means = moments(adam, MEANS, "means");
        Map<String, Map<Device, NDArray>> variances = moments(adam, VARIANCES, "variances");
        NDList list = new NDList();
        if (!means.isEmpty()) {
            for (Parameter parameter : parameters) {
                list.add(onDevice(means, parameter, "means"));
                list.add(onDevice(variances, parameter, "variances"));
            }
        }
        Checkpoints.writeFile(file, out -> {
            if (!list.isEmpty()) {
                list.encode(out);
            }
        });
    }

    /**
     * Fills a fresh {@code adam} with the moments in {@code file}; the arrays live in {@code manager}.
     *
     * @throws CheckpointException naming the file if it is missing, corrupt, or holds moments of other shapes
     */
    public static void read(Path file, Optimizer adam, List<Parameter> parameters, NDManager manager) {
        Map<String, Map<Device, NDArray>> means = moments(adam, MEANS, "means");
        Map<String, Map<Device, NDArray>> variances = moments(adam, VARIANCES, "variances");
        if (!means.isEmpty() || !variances.isEmpty()) {
            throw new IllegalStateException("Adam already holds moments; restore only into a fresh one");
        }
        NDList list;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            if (Files.size(file) == 0) {
                return;
            }
            list = NDList.decode(manager, in);
            if (in.read() != -1) {
                list.close();
                throw new CheckpointException("corrupt checkpoint file " + file + ": trailing bytes");
            }
        } catch (NoSuchFileException e) {
            throw new CheckpointException("missing checkpoint file " + file, e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CheckpointException c) {
                throw c;
            }
            throw new CheckpointException("corrupt checkpoint file " + file + ": " + e, e);
        }
        if (list.size() != 2 * parameters.size()) {
            list.close();
            throw new CheckpointException("corrupt checkpoint file " + file + ": " + list.size()
                    + " moment arrays, expected " + 2 * parameters.size());
        }
        for (int i = 0; i < parameters.size(); i++) {
            NDArray weight = parameters.get(i).getArray();
            for (NDArray moment : List.of(list.get(2 * i), list.get(2 * i + 1))) {
                if (!moment.getShape().equals(weight.getShape()) || moment.getDataType() != weight.getDataType()) {
                    list.close();
                    throw new CheckpointException("corrupt checkpoint file " + file + ": moments of shape "
                            + moment.getShape() + " " + moment.getDataType() + " for parameter "
                            + parameters.get(i).getName() + " of shape " + weight.getShape() + " "
                            + weight.getDataType());
                }
            }
        }
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            Device device = parameter.getArray().getDevice();
            means.put(parameter.getId(), new ConcurrentHashMap<>(Map.of(device, list.get(2 * i))));
            variances.put(parameter.getId(), new ConcurrentHashMap<>(Map.of(device, list.get(2 * i + 1))));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<Device, NDArray>> moments(Optimizer adam, Field field, String name) {
        if (!(adam instanceof Adam)) {
            throw new IllegalArgumentException("only DJL's Adam has moments to save, got " + adam.getClass());
        }
        if (field == null) {
            throw new IllegalStateException("this DJL's Adam has no private field '" + name + "' (DJL "
                    + ai.djl.engine.Engine.getDjlVersion() + "); AdamMoments must be updated for it");
        }
        try {
            return (Map<String, Map<Device, NDArray>>) field.get(adam);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read Adam's " + name + ": " + e.getMessage(), e);
        }
    }

    private static NDArray onDevice(Map<String, Map<Device, NDArray>> moments, Parameter parameter, String name) {
        Map<Device, NDArray> byDevice = moments.get(parameter.getId());
        NDArray array = byDevice == null ? null : byDevice.get(parameter.getArray().getDevice());
        if (array == null) {
            throw new IllegalStateException("Adam has no " + name + " for parameter " + parameter.getName()
                    + " although it has updated others");
        }
        return array;
    }
}
