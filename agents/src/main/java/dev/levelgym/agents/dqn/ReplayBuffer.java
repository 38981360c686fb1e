package dev.levelgym.agents.dqn;

import dev.levelgym.agents.checkpoint.CheckpointException;
import dev.levelgym.agents.checkpoint.Checkpoints;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.random.RandomGenerator;

/**
 * A ring buffer of transitions (s, a, r, s', discount) in flat primitive arrays: no object per transition, so a
 * 100k buffer is five arrays and the garbage collector never sees it grow. When full, the oldest transition is
 * overwritten. Instead of a terminated flag each transition keeps the factor on its bootstrapped value: 0 after a
 * termination, γ^k after k steps otherwise (k = 1, or up to n for n-step returns). A truncated transition thus
 * bootstraps like any other.
 */
public final class ReplayBuffer {

    private final int capacity;
    private final int observationSize;
    private final float[] observations;
    private final float[] nextObservations;
    private final int[] actions;
    private final float[] rewards;
    private final float[] discounts;
    /** Where the next transition goes. */
    private int position;
    private int size;

    public ReplayBuffer(int capacity, int observationSize) {
        if (capacity <= 0 || observationSize <= 0) {
            throw new IllegalArgumentException("capacity and observationSize must be positive, got " + capacity
                    + " and " + observationSize);
        }
        if ((long) capacity * observationSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a buffer of " + capacity + " transitions of " + observationSize
                    + " floats is too large for one array; lower bufferSize");
        }
        this.capacity = capacity;
        this.observationSize = observationSize;
        this.observations = new float[capacity * observationSize];
        this.nextObservations = new float[capacity * observationSize];
        this.actions = new int[capacity];
        this.rewards = new float[capacity];
        this.discounts = new float[capacity];
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return size;
    }

    public int observationSize() {
        return observationSize;
    }

    /**
     * Stores a transition; {@code observation} and {@code next} are copied.
     *
     * @param discount the factor on the value of {@code next} in the TD target: 0 if the episode terminated, else
     *                 γ^k for a k-step transition
     */
    public void add(float[] observation, int action, float reward, float[] next, float discount) {
        if (observation.length != observationSize || next.length != observationSize) {
            throw new IllegalArgumentException("observations must have " + observationSize + " floats, got "
                    + observation.length + " and " + next.length);
        }
        add(observation, 0, action, reward, next, 0, discount);
    }

    /** {@link #add(float[], int, float, float[], float)} for observations at offsets of flat batches. */
    public void add(float[] observation, int offset, int action, float reward, float[] next, int nextOffset,
                    float discount) {
        if (!(discount >= 0f && discount <= 1f)) {
            throw new IllegalArgumentException("discount must be in [0, 1], got " + discount);
        }
        System.arraycopy(observation, offset, observations, position * observationSize, observationSize);
        System.arraycopy(next, nextOffset, nextObservations, position * observationSize, observationSize);
        actions[position] = action;
        rewards[position] = reward;
        discounts[position] = discount;
        position = (position + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    /**
     * Fills {@code batch} with {@code batch.size()} transitions drawn uniformly with replacement (as SB3's
     * {@code ReplayBuffer.sample}), one {@code nextInt} per transition from {@code random}.
     */
    public void sample(RandomGenerator random, Batch batch) {
        if (size == 0) {
            throw new IllegalStateException("cannot sample from an empty replay buffer");
        }
        if (batch.observationSize != observationSize) {
            throw new IllegalArgumentException("batch holds observations of " + batch.observationSize
                    + " floats, the buffer " + observationSize);
        }
        for (int i = 0; i < batch.size; i++) {
            int j = random.nextInt(size);
            batch.indices[i] = j;
            System.arraycopy(observations, j * observationSize, batch.observations, i * observationSize,
                    observationSize);
            System.arraycopy(nextObservations, j * observationSize, batch.nextObservations, i * observationSize,
                    observationSize);
            batch.actions[i] = actions[j];
            batch.rewards[i] = rewards[j];
            batch.discounts[i] = discounts[j];
        }
    }

    /** Reusable arrays for one sampled batch, laid out as the network's input tensors (row-major). */
    public static final class Batch {
        final int size;
        final int observationSize;
        final int[] indices;
        final float[] observations;
        final float[] nextObservations;
        final int[] actions;
        final float[] rewards;
        /** The factor on each transition's bootstrapped value (0 after a termination). */
        final float[] discounts;

        public Batch(int size, int observationSize) {
            this.size = size;
            this.observationSize = observationSize;
            this.indices = new int[size];
            this.observations = new float[size * observationSize];
            this.nextObservations = new float[size * observationSize];
            this.actions = new int[size];
            this.rewards = new float[size];
            this.discounts = new float[size];
        }

        /** Buffer positions of the sampled transitions. */
        public int[] indices() {
            return indices.clone();
        }

        public int[] actions() {
            return actions.clone();
        }

        public float[] rewards() {
            return rewards.clone();
        }

        public float[] discounts() {
            return discounts.clone();
        }

        public float[] observations() {
            return observations.clone();
        }

        public float[] nextObservations() {
            return nextObservations.clone();
        }
    }

    /** Writes capacity, sizes and the filled part of the arrays, big-endian. */
    void write(Path file) throws IOException {
        Checkpoints.writeFile(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeInt(capacity);
            out.writeInt(observationSize);
            out.writeInt(position);
            out.writeInt(size);
            int floats = size * observationSize;
            for (int i = 0; i < floats; i++) {
                out.writeFloat(observations[i]);
            }
            for (int i = 0; i < floats; i++) {
                out.writeFloat(nextObservations[i]);
            }
            for (int i = 0; i < size; i++) {
                out.writeInt(actions[i]);
                out.writeFloat(rewards[i]);
                out.writeFloat(discounts[i]);
            }
            out.flush();
        });
    }

    /** Reads what {@link #write} wrote into this (empty) buffer, which must have the same capacity and width. */
    void read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file),
                1 << 16))) {
            int savedCapacity = in.readInt();
            int savedWidth = in.readInt();
            if (savedCapacity != capacity || savedWidth != observationSize) {
                throw new CheckpointException("corrupt checkpoint file " + file + ": buffer of " + savedCapacity
                        + " x " + savedWidth + ", expected " + capacity + " x " + observationSize);
            }
            int savedPosition = in.readInt();
            int savedSize = in.readInt();
            if (savedSize < 0 || savedSize > capacity || savedPosition < 0 || savedPosition >= capacity
                    || (savedSize < capacity && savedPosition != savedSize)) {
                throw new CheckpointException("corrupt checkpoint file " + file + ": position " + savedPosition
                        + " and size " + savedSize + " do not fit capacity " + capacity);
            }
            int floats = savedSize * observationSize;
            for (int i = 0; i < floats; i++) {
                observations[i] = in.readFloat();
            }
            for (int i = 0; i < floats; i++) {
                nextObservations[i] = in.readFloat();
            }
            for (int i = 0; i < savedSize; i++) {
                actions[i] = in.readInt();
                rewards[i] = in.readFloat();
                discounts[i] = in.readFloat();
                if (!(discounts[i] >= 0f && discounts[i] <= 1f)) {
                    throw new CheckpointException("corrupt checkpoint file " + file + ": discount " + discounts[i]
                            + " of transition " + i + " is not in [0, 1]");
                }
            }
            if (in.read() != -1) {
                throw new CheckpointException("corrupt checkpoint file " + file + ": trailing bytes");
            }
            position = savedPosition;
            size = savedSize;
        } catch (NoSuchFileException e) {
            throw new CheckpointException("missing checkpoint file " + file, e);
        } catch (EOFException e) {
            throw new CheckpointException("corrupt checkpoint file " + file + ": truncated", e);
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint file " + file + ": " + e.getMessage(), e);
        }
    }
}
