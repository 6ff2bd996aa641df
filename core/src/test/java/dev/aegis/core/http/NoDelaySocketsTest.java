package dev.aegis.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class NoDelaySocketsTest {
  @Test
  void everySocketItMakesHasNagleOff() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Socket unconnected = new NoDelaySockets().createSocket();
        Socket connected = new NoDelaySockets().createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
      assertThat(unconnected.getTcpNoDelay()).isTrue();
      assertThat(connected.getTcpNoDelay()).isTrue();
      assertThat(SocketFactory.getDefault().createSocket().getTcpNoDelay()).as("the JDK's default keeps Nagle on").isFalse();
    }
  }

  @Test
  void okHttpConnectsThroughIt() throws Exception {
    List<Socket> made = new ArrayList<>();
    SocketFactory recording = new SocketFactory() {
      private final NoDelaySockets sockets = new NoDelaySockets();

      @Override
      public Socket createSocket() throws java.io.IOException {
        Socket s = sockets.createSocket();
        made.add(s);
        return s;
      }

      @Override
      public Socket createSocket(String h, int p) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Socket createSocket(String h, int p, InetAddress l, int lp) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Socket createSocket(InetAddress h, int p) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Socket createSocket(InetAddress h, int p, InetAddress l, int lp) {
        throw new UnsupportedOperationException();
      }
    };
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread answer = new Thread(() -> {
        try (Socket s = server.accept()) {
          s.getInputStream().read(new byte[4096]);
          s.getOutputStream().write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes());
        } catch (java.io.IOException e) {
          // the test fails on the client side
        }
      });
      answer.start();
      OkHttpClient client = new OkHttpClient.Builder().socketFactory(recording).build();
      try (Response r = client.newCall(new Request.Builder().url("http://127.0.0.1:" + server.getLocalPort() + "/").build())
          .execute()) {
        assertThat(r.code()).isEqualTo(204);
      }
      answer.join(5000);
    }
    assertThat(made).isNotEmpty().allMatch(s -> {
      try {
        return s.getTcpNoDelay();
      } catch (java.net.SocketException e) {
        return true; // closed after the call: it was made by the factory, which sets the option first
      }
    });
  }
}
