package org.vpspanel.agent;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * What a client sends to a console (the request body of {@code POST /v1/partitions/{id}/console}): frames of
 * a type byte, a two-byte big-endian length and that many bytes. Type {@code 'k'}: keystrokes, written to the
 * terminal as they are. Type {@code 's'}: the terminal's new size, rows then columns, two bytes each. Framing
 * keeps a size change apart from keystrokes without escaping anything that is typed.
 */
public final class ConsoleFrames {

    static final int KEYS = 'k';
    static final int SIZE = 's';
    static final int MAX_PAYLOAD = 0xffff;

    private ConsoleFrames() {
    }

    /** What came is not a sequence of console frames (a client's mistake, unlike a connection that broke). */
    public static final class MalformedException extends IOException {
        MalformedException(String message) {
            super(message);
        }
    }

    /** What the agent does with the frames it reads. */
    public interface Receiver {

        void keys(byte[] bytes, int length) throws IOException;

        /** A size as the client sent it: not yet checked, so that a bad one can be refused without ending the console. */
        void resize(int rows, int columns) throws IOException;
    }

    /** Keystrokes as frames (several when there are more than one frame holds; none for none). */
    public static byte[] keys(byte[] bytes) {
        ByteArrayOutputStream framed = new ByteArrayOutputStream(bytes.length + 3);
        for (int offset = 0; offset < bytes.length; offset += MAX_PAYLOAD) {
            int length = Math.min(MAX_PAYLOAD, bytes.length - offset);
            header(framed, KEYS, length);
            framed.write(bytes, offset, length);
        }
        return framed.toByteArray();
    }

    public static byte[] size(TerminalSize size) {
        ByteArrayOutputStream framed = new ByteArrayOutputStream(7);
        header(framed, SIZE, 4);
        writeShort(framed, size.rows());
        writeShort(framed, size.columns());
        return framed.toByteArray();
    }

    private static void header(ByteArrayOutputStream out, int type, int length) {
        out.write(type);
        writeShort(out, length);
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value >> 8);
        out.write(value);
    }

    /**
     * Hands every frame in {@code in} to {@code receiver} until it ends; a {@link MalformedException} names a
     * frame that is not one of ours (an unknown type, a size frame of the wrong length, a frame cut short).
     */
    public static void read(InputStream in, Receiver receiver) throws IOException {
        DataInputStream frames = new DataInputStream(in);
        byte[] payload = new byte[MAX_PAYLOAD];
        for (int type; (type = frames.read()) >= 0; ) {
            try {
                int length = frames.readUnsignedShort();
                frames.readFully(payload, 0, length);
                if (type == KEYS) {
                    receiver.keys(payload, length);
                } else if (type == SIZE && length == 4) {
                    receiver.resize((payload[0] & 0xff) << 8 | payload[1] & 0xff, (payload[2] & 0xff) << 8 | payload[3] & 0xff);
                } else {
                    throw new MalformedException("not a console frame: type " + type + ", " + length + " bytes");
                }
            } catch (EOFException e) {
                throw new MalformedException("a console frame was cut short");
            }
        }
    }
}
