package it.ksanctions.platform.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DemoPhotoTest {

  @Test
  void theDemoCamerasPhotoIsAJpegABrowserCanShow() throws IOException {
    byte[] jpeg = DemoData.demoPhoto();
    assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(480);
    assertThat(image.getHeight()).isEqualTo(300);
  }
}
